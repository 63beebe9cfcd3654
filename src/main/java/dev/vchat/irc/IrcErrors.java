package dev.vchat.irc;

import dev.vchat.core.Catalogue;
import dev.vchat.core.ErrorCode;
import io.vertx.core.json.JsonObject;

/** The chat's error events as IRC answers: the numerics IRC has for them, a NOTICE with the chat's text for the rest. */
final class IrcErrors {

  private IrcErrors() {
  }

  /** {@code namedNick}: the recipient the user typed, which a 401 repeats as typed. */
  static void show(IrcClient client, JsonObject event, String namedNick, Catalogue catalogue) {
    String code = event.getString("code");
    String name = event.getString("name", "");
    if (ErrorCode.NAME_TAKEN.code().equals(code)) {
      client.reply(Numerics.ERR_NICKNAMEINUSE, IrcNicks.nickOf(name), "Nickname is already in use");
    } else if (ErrorCode.NAME_INVALID.code().equals(code)) {
      client.reply(Numerics.ERR_ERRONEUSNICKNAME, name, "Erroneous nickname");
    } else if (ErrorCode.NOT_ONLINE.code().equals(code)) {
      String typed = IrcNicks.nameOf(namedNick).equals(name) ? namedNick : IrcNicks.nickOf(name);
      client.reply(Numerics.ERR_NOSUCHNICK, typed, "No such nick/channel");
    } else if (ErrorCode.LINE_TOO_LONG.code().equals(code)) {
      client.reply(Numerics.ERR_INPUTTOOLONG, "Input line was too long");
    } else if (ErrorCode.JOIN_FAILED.code().equals(code)) {
      client.send(IrcMessage.formatText(null, "ERROR", catalogue.render(event)));
    } else {
      client.notice(catalogue.render(event));
    }
  }
}
