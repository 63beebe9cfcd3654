package dev.vchat.client;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/** A stdin that a test types into line by line, and ends when it likes (end of input). */
final class TypedInput extends InputStream {

  private static final int END = -1;

  private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

  void type(String line) {
    for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b & 0xff);
    }
  }

  void end() {
    bytes.add(END);
  }

  @Override
  public int read() {
    try {
      int b = bytes.take();
      if (b == END) {
        bytes.add(END);
      }
      return b;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return END;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int first = read();
    if (first == END) {
      return END;
    }
    buffer[offset] = (byte) first;
    int n = 1;
    Integer next;
    while (n < length && (next = bytes.peek()) != null && next != END) {
      buffer[offset + n++] = (byte) (int) bytes.poll();
    }
    return n;
  }

  @Override
  public int available() {
    Integer next = bytes.peek();
    return next == null || next == END ? 0 : bytes.size();
  }
}
