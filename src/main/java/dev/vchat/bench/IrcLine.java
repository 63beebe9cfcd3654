package dev.vchat.bench;

import java.nio.charset.StandardCharsets;

/**
 * The few IRC lines the bench tells apart, read in place from a received line (without its line
 * end): {@code PING}, the welcome {@code 001}, {@code JOIN} (the join storm) and {@code PRIVMSG}
 * (the bench's messages, whose text starts after the first {@code " :"} that follows the target).
 * Not a general IRC parser: tags ({@code @...}) are not expected, since the bench asks for no
 * capability.
 */
final class IrcLine {

  enum Kind { PING, WELCOME, JOIN, PRIVMSG, OTHER }

  private static final byte[] PING = bytes("PING");
  private static final byte[] WELCOME = bytes("001");
  private static final byte[] JOIN = bytes("JOIN");
  private static final byte[] PRIVMSG = bytes("PRIVMSG");

  private IrcLine() {
  }

  /** What the line {@code b[from, to)} is. */
  static Kind kind(byte[] b, int from, int to) {
    int command = commandStart(b, from, to);
    if (command < 0) {
      return Kind.OTHER;
    }
    if (isToken(b, command, to, PRIVMSG)) {
      return Kind.PRIVMSG;
    }
    if (isToken(b, command, to, JOIN)) {
      return Kind.JOIN;
    }
    if (isToken(b, command, to, PING)) {
      return Kind.PING;
    }
    if (isToken(b, command, to, WELCOME)) {
      return Kind.WELCOME;
    }
    return Kind.OTHER;
  }

  /** Where the text of a PRIVMSG line starts (after {@code "PRIVMSG TARGET :"}), or -1. */
  static int textStart(byte[] b, int from, int to) {
    int i = commandStart(b, from, to);
    if (i < 0 || !isToken(b, i, to, PRIVMSG)) {
      return -1;
    }
    i += PRIVMSG.length;
    while (i < to && b[i] == ' ') {
      i++;
    }
    while (i < to && b[i] != ' ') {
      i++;
    }
    if (i + 1 >= to || b[i + 1] != ':') {
      return -1;
    }
    return i + 2;
  }

  /** The answer to a PING line: PONG with the same parameters, CR LF included. */
  static byte[] pong(byte[] b, int from, int to) {
    int i = commandStart(b, from, to) + PING.length;
    StringBuilder out = new StringBuilder("PONG");
    out.append(new String(b, i, to - i, StandardCharsets.UTF_8)).append("\r\n");
    return bytes(out.toString());
  }

  /** The index of the command, after the optional {@code :prefix }; -1 if there is none. */
  private static int commandStart(byte[] b, int from, int to) {
    int i = from;
    if (i < to && b[i] == ':') {
      while (i < to && b[i] != ' ') {
        i++;
      }
    }
    while (i < to && b[i] == ' ') {
      i++;
    }
    return i < to ? i : -1;
  }

  /** Whether {@code b[i, to)} starts with the token followed by a space or the end. */
  private static boolean isToken(byte[] b, int i, int to, byte[] token) {
    if (to - i < token.length) {
      return false;
    }
    for (int k = 0; k < token.length; k++) {
      if (b[i + k] != token[k]) {
        return false;
      }
    }
    return i + token.length == to || b[i + token.length] == ' ';
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
