package dev.vchat.irc;

import dev.vchat.core.ChatSession;
import dev.vchat.core.Membership;
import dev.vchat.core.Rooms;
import dev.vchat.core.command.ToCommand;
import io.vertx.core.Future;

/**
 * PRIVMSG and NOTICE, to channels (a chat line in that room) and to nicks (the chat's private
 * message, through the core's {@code to}). NOTICE is never answered with an error.
 */
final class MessageCommands {

  private MessageCommands() {
  }

  static void register(IrcCommands commands) {
    commands.add("PRIVMSG", 0, (client, m) -> message(client, m, false));
    commands.add("NOTICE", 0, (client, m) -> message(client, m, true));
  }

  /** PRIVMSG target[,target] :text */
  private static Future<Void> message(IrcClient client, IrcMessage m, boolean notice) {
    if (m.params().isEmpty() || m.param(0).isEmpty()) {
      if (!notice) {
        client.reply(Numerics.ERR_NORECIPIENT, "No recipient given (" + m.verb() + ")");
      }
      return Future.succeededFuture();
    }
    String text = m.param(1, "");
    if (text.isEmpty()) {
      if (!notice) {
        client.reply(Numerics.ERR_NOTEXTTOSEND, "No text to send");
      }
      return Future.succeededFuture();
    }
    Future<Void> chain = Future.succeededFuture();
    for (String target : ServerCommands.commaList(m.param(0))) {
      chain = chain.compose(v -> target.startsWith("#")
        ? toChannel(client, target, text, notice)
        : toNick(client, target, text, notice));
    }
    return chain;
  }

  private static Future<Void> toChannel(IrcClient client, String channel, String text, boolean notice) {
    if (text.isBlank()) {
      return Future.succeededFuture(); // the chat has no blank lines
    }
    if (!Membership.say(client.session(), channel, text, notice) && !notice) {
      if (Rooms.isValid(channel)) {
        client.reply(Numerics.ERR_CANNOTSENDTOCHAN, channel, "Cannot send to channel (you are not in it)");
      } else {
        client.reply(Numerics.ERR_NOSUCHCHANNEL, channel, "No such channel");
      }
    }
    return Future.succeededFuture();
  }

  /**
   * To a nick: PRIVMSG is the core's private message ({@code to NAME TEXT}), whose errors come back
   * as events (401 ...); NOTICE is the same private line marked {@link dev.vchat.core.Events#NOTICE}
   * ({@link ToCommand#notice}), so IRC users get a NOTICE (others see a private message); it is
   * never answered, not even when the nick is not online.
   */
  private static Future<Void> toNick(IrcClient client, String nick, String text, boolean notice) {
    if (text.isBlank()) {
      return Future.succeededFuture();
    }
    ChatSession session = client.session();
    if (notice) {
      return ToCommand.notice(session, IrcNicks.nameOf(nick), text);
    }
    client.namedNick(nick);
    return ToCommand.privateLine(session, IrcNicks.nameOf(nick), text);
  }
}
