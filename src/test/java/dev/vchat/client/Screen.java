package dev.vchat.client;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** What the client prints on one stream, waited on with a bound. */
final class Screen {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(new OutputStream() {
    @Override
    public void write(int b) {
      synchronized (Screen.this) {
        bytes.write(b);
        Screen.this.notifyAll();
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (Screen.this) {
        bytes.write(b, off, len);
        Screen.this.notifyAll();
      }
    }
  }, true, StandardCharsets.UTF_8);

  PrintStream stream() {
    return stream;
  }

  synchronized String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Waits until the text shown so far matches; fails after {@link #TIMEOUT}. */
  synchronized String await(Predicate<String> match, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try {
      while (!match.test(text())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("the client never showed " + what + "; it showed:\n" + text());
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
    return text();
  }

  /** Waits until {@code part} has been shown {@code times} times in all. */
  String awaitCount(String part, int times) {
    return await(text -> count(text, part) >= times, times + " x \"" + part + "\"");
  }

  String await(String part) {
    return awaitCount(part, 1);
  }

  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }
}
