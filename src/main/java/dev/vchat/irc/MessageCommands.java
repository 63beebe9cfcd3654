package dev.vchat.irc;

import dev.vchat.core.Membership;
import dev.vchat.core.Rooms;
import dev.vchat.core.command.CommandTable;
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

  /** The core's private message ({@code to NAME TEXT}): its errors come back as events (401 ...). */
  private static Future<Void> toNick(IrcClient client, String nick, String text, boolean notice) {
    if (text.isBlank()) {
      return Future.succeededFuture();
    }
    client.namedNick(nick);
    CommandTable.Invocation to = client.session().chat().commands().parse("to " + IrcNicks.nameOf(nick) + " " + text);
    if (notice) {
      return client.quietly(() -> to.command().execute(client.session(), to.args()));
    }
    return to.command().execute(client.session(), to.args());
  }
}
