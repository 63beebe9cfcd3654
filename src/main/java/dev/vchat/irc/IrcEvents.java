package dev.vchat.irc;

import dev.vchat.core.Events;
import io.vertx.core.json.JsonObject;

/**
 * The chat's broadcast events as IRC lines (without CRLF), the same for every IRC viewer:
 * {@code online} is a JOIN to its rooms, {@code offline} a QUIT, {@code chat} a PRIVMSG to the
 * room, {@code rename} a NICK, {@code joined}/{@code left} a JOIN/PART, {@code kick} a KICK,
 * {@code opped}/{@code deopped} a MODE +o/-o from the operator who did it. Null for anything else.
 */
final class IrcEvents {

  private IrcEvents() {
  }

  static String render(JsonObject event) {
    String addr = event.getString("addr", "");
    String name = event.getString("name", "");
    return switch (Events.type(event)) {
      case Events.ONLINE -> {
        var rooms = Events.audience(event);
        yield rooms.isEmpty() ? null : IrcMessage.format(IrcNicks.prefix(name, addr), "JOIN", rooms.get(0));
      }
      case Events.OFFLINE -> IrcMessage.formatText(IrcNicks.prefix(name, addr), "QUIT", event.getString(Events.REASON, "left the chat"));
      case Events.CHAT -> chat(event);
      case Events.RENAME -> IrcMessage.format(IrcNicks.prefix(event.getString("old"), addr), "NICK", IrcNicks.nickOf(name));
      case Events.JOINED -> IrcMessage.format(IrcNicks.prefix(name, addr), "JOIN", event.getString(Events.ROOM));
      case Events.LEFT -> event.containsKey(Events.REASON)
        ? IrcMessage.formatText(IrcNicks.prefix(name, addr), "PART", event.getString(Events.ROOM), event.getString(Events.REASON))
        : IrcMessage.format(IrcNicks.prefix(name, addr), "PART", event.getString(Events.ROOM));
      case Events.KICK -> IrcMessage.formatText(IrcNicks.prefix(event.getString("by"), event.getString("byAddr")), "KICK",
        event.getString(Events.ROOM), IrcNicks.nickOf(name), event.getString(Events.REASON));
      case Events.OPPED, Events.DEOPPED -> IrcMessage.format(IrcNicks.prefix(event.getString("by"), event.getString("byAddr")),
        "MODE", event.getString(Events.ROOM), Events.OPPED.equals(Events.type(event)) ? "+o" : "-o", IrcNicks.nickOf(name));
      default -> null;
    };
  }

  /** A chat event (live, or a history entry) as a PRIVMSG from its sender to its room. */
  static String chat(JsonObject event) {
    return IrcMessage.formatText(IrcNicks.prefix(event.getString("name"), event.getString("addr")),
      event.getBoolean(Events.NOTICE, false) ? "NOTICE" : "PRIVMSG",
      event.getString(Events.ROOM), event.getString("text"));
  }
}
