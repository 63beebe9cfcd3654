package dev.vchat.irc;

/**
 * CTCP, the \x01-quoted requests inside PRIVMSG and NOTICE: the chat strips control characters,
 * so they are dealt with first. {@code /me waves} (ACTION) becomes the chat line
 * {@code * waves}; other requests (VERSION, PING, TIME ...) are for clients the chat does not
 * have, and are dropped.
 */
final class Ctcp {

  private static final char QUOTE = '\u0001';

  private Ctcp() {
  }

  /** The line to hand to the chat: itself, an ACTION rewritten, or null to drop it. */
  static String rewrite(String line) {
    if (line.indexOf(QUOTE) < 0) {
      return line;
    }
    IrcMessage message = IrcMessage.parse(line);
    if (message == null || !(message.verb().equals("PRIVMSG") || message.verb().equals("NOTICE"))
      || message.params().size() < 2 || message.param(1).isEmpty() || message.param(1).charAt(0) != QUOTE) {
      return line;
    }
    String body = message.param(1).substring(1);
    if (body.endsWith(String.valueOf(QUOTE))) {
      body = body.substring(0, body.length() - 1);
    }
    if (body.startsWith("ACTION ") && body.length() > "ACTION ".length()) {
      return IrcMessage.formatText(null, message.verb(), message.param(0), "* " + body.substring("ACTION ".length()));
    }
    return null;
  }
}
