package dev.vchat.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The lines a test's socket received, filled by its reader thread and taken by the test: the
 * waiting, skipping and end-of-stream rules the test users ({@link TestUser}, {@link IrcTestUser})
 * share.
 */
final class ReceivedLines {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String EOF = "\u0000EOF";

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean closedByServer;

  /** From the reader thread: one more line. */
  void add(String line) {
    lines.add(line);
  }

  /** From the reader thread: the stream ended. */
  void end() {
    closedByServer = true;
    lines.add(EOF);
  }

  boolean closedByServer() {
    return closedByServer;
  }

  /** The next line, failing after {@link #TIMEOUT} or at the end of the stream. */
  String next() {
    String line = poll(TIMEOUT);
    if (line == null) {
      fail("no line from the server within " + TIMEOUT.toSeconds() + " s");
    }
    if (line.equals(EOF)) {
      fail("the server closed the connection");
    }
    return line;
  }

  /** The next line if one arrives within {@code wait}, else null (also at the end of the stream). */
  String nextWithin(Duration wait) {
    String line = poll(wait);
    if (line != null && line.equals(EOF)) {
      lines.add(EOF); // still there for whoever waits next
      return null;
    }
    return line;
  }

  /** Skips lines until one matches; returns it. */
  String await(Predicate<String> match) {
    List<String> skipped = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String line = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (line == null || line.equals(EOF)) {
        break;
      }
      if (match.test(line)) {
        return line;
      }
      skipped.add(line);
    }
    return fail("no matching line; got " + skipped + (closedByServer ? " then the connection closed" : ""));
  }

  /** The lines that arrive within {@code quiet} of each other, in order. */
  List<String> within(Duration quiet) {
    List<String> got = new ArrayList<>();
    String line;
    while ((line = poll(quiet)) != null && !line.equals(EOF)) {
      got.add(line);
    }
    return got;
  }

  /** Waits for the end of the stream, failing on any further line. */
  void expectEnd() {
    String line = poll(TIMEOUT);
    if (line == null) {
      fail("the server did not close the connection");
    }
    if (!line.equals(EOF)) {
      fail("expected the connection to close, got line: " + line);
    }
  }

  /** Waits for the end of the stream, skipping lines. */
  void awaitEnd() {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (EOF.equals(poll(Duration.ofMillis(200)))) {
        return;
      }
    }
    fail("the server did not close the connection");
  }

  private String poll(Duration timeout) {
    try {
      return lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
