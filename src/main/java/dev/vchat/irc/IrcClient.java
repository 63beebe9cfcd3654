package dev.vchat.irc;

import dev.vchat.core.ChatSession;
import io.vertx.core.Future;

/**
 * What an IRC command handler sees of its user: the chat session (where the chat logic is) and
 * ways to answer in IRC. Handlers never touch the socket.
 */
interface IrcClient {

  /** The server's name in prefixes and numerics (config key ircServerName). */
  String server();

  ChatSession session();

  /** The user's nick as IRC clients see it. */
  String nick();

  /** {@code :vchat NUMERIC nick params...} */
  void reply(String numeric, String... params);

  /** One line as it is (without CRLF). */
  void send(String line);

  /** Sets (non-empty) or clears the away message. */
  void away(String message);

  /** The nick the user just named as a recipient, as typed: a 401 for it repeats it so. */
  void namedNick(String typed);

  /** A notice from the server to this user. */
  default void notice(String text) {
    send(IrcMessage.formatText(server(), "NOTICE", nick(), text));
  }
}
