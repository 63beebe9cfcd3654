package dev.vchat.bench;

import java.nio.charset.StandardCharsets;

/**
 * The bench's chat text: {@code ~B<sender>.<seq>.<nanoTime>.} padded with {@code x} to the
 * message size. Names and addresses never hold a {@code ~}, so the first one in a line that the
 * server sends starts the payload, whatever the line's shape (broadcast or private).
 */
final class Payload {

  static final byte MARK = '~';
  static final byte KIND = 'B';

  private Payload() {
  }

  /** Appends the text of one message (no line end) to {@code out}. */
  static void append(StringBuilder out, int sender, long seq, long nanos, int size) {
    int start = out.length();
    out.append((char) MARK).append((char) KIND).append(sender).append('.').append(seq).append('.').append(nanos).append('.');
    while (out.length() - start < size) {
      out.append('x');
    }
  }

  /** A whole line: {@code prefix}, the text, {@code end} (LF for the chat protocol, CR LF for IRC). */
  static byte[] line(String prefix, int sender, long seq, long nanos, int size, String end) {
    StringBuilder out = new StringBuilder(prefix.length() + size + 2).append(prefix);
    append(out, sender, seq, nanos, size);
    return out.append(end).toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A parsed payload: fields are valid only after {@link #parse} returned true. */
  static final class Parsed {
    int sender;
    long seq;
    long nanos;

    /** Parses the payload in {@code b[from, to)} (a whole line); false when the line has none. */
    boolean parse(byte[] b, int from, int to) {
      int i = from;
      while (i < to && b[i] != MARK) {
        i++;
      }
      if (i + 1 >= to || b[i + 1] != KIND) {
        return false;
      }
      i += 2;
      long[] value = new long[1];
      i = number(b, i, to, value);
      if (i < 0) {
        return false;
      }
      sender = (int) value[0];
      i = number(b, i, to, value);
      if (i < 0) {
        return false;
      }
      seq = value[0];
      i = number(b, i, to, value);
      if (i < 0) {
        return false;
      }
      nanos = value[0];
      return true;
    }

    /** Reads digits up to a '.'; returns the index after the '.', or -1. */
    private static int number(byte[] b, int i, int to, long[] out) {
      long v = 0;
      boolean negative = i < to && b[i] == '-';
      if (negative) {
        i++;
      }
      int start = i;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        v = v * 10 + (b[i] - '0');
        i++;
      }
      if (i == start || i >= to || b[i] != '.') {
        return -1;
      }
      out[0] = negative ? -v : v;
      return i + 1;
    }
  }
}
