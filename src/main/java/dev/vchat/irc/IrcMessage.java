package dev.vchat.irc;

import java.util.ArrayList;
import java.util.List;

/**
 * One IRC message (RFC 1459 / modern IRC): optional {@code @tags} and {@code :prefix}, which a
 * client's line may carry and the server ignores, the verb, and its parameters, the last one
 * after " :" taking the rest of the line.
 */
record IrcMessage(String verb, List<String> params) {

  /** The message of one line (its line end already cut), or null when it has no verb. */
  static IrcMessage parse(String line) {
    int i = 0;
    int n = line.length();
    if (i < n && line.charAt(i) == '@') {
      i = skipWord(line, i);
    }
    i = skipSpaces(line, i);
    if (i < n && line.charAt(i) == ':') {
      i = skipSpaces(line, skipWord(line, i));
    }
    int verbEnd = wordEnd(line, i);
    if (verbEnd == i) {
      return null;
    }
    String verb = line.substring(i, verbEnd).toUpperCase(java.util.Locale.ROOT);
    List<String> params = new ArrayList<>();
    i = skipSpaces(line, verbEnd);
    while (i < n) {
      if (line.charAt(i) == ':') {
        params.add(line.substring(i + 1));
        break;
      }
      int end = wordEnd(line, i);
      params.add(line.substring(i, end));
      i = skipSpaces(line, end);
    }
    return new IrcMessage(verb, List.copyOf(params));
  }

  String param(int index) {
    return params.get(index);
  }

  /** The parameter, or {@code fallback} when there are not that many. */
  String param(int index, String fallback) {
    return index < params.size() ? params.get(index) : fallback;
  }

  /**
   * One line to send, without its CRLF: {@code :prefix VERB p1 p2 :last}. The last parameter
   * gets its ':' when it must (empty, holding a space, or starting with ':').
   */
  static String format(String prefix, String verb, String... params) {
    return format(false, prefix, verb, params);
  }

  /** As {@link #format}, the last parameter always after ':' (text: a message, a reason, a numeric's words). */
  static String formatText(String prefix, String verb, String... params) {
    return format(true, prefix, verb, params);
  }

  private static String format(boolean text, String prefix, String verb, String... params) {
    StringBuilder out = new StringBuilder(64);
    if (prefix != null) {
      out.append(':').append(prefix).append(' ');
    }
    out.append(verb);
    for (int p = 0; p < params.length; p++) {
      String param = params[p];
      out.append(' ');
      boolean last = p == params.length - 1;
      if (last && (text || param.isEmpty() || param.indexOf(' ') >= 0 || param.charAt(0) == ':')) {
        out.append(':');
      }
      out.append(param);
    }
    return out.toString();
  }

  private static int skipWord(String line, int i) {
    return skipSpaces(line, wordEnd(line, i));
  }

  private static int wordEnd(String line, int i) {
    int end = line.indexOf(' ', i);
    return end < 0 ? line.length() : end;
  }

  private static int skipSpaces(String line, int i) {
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
