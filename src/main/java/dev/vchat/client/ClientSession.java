package dev.vchat.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One connection seen from the user's side: shows every server line as it arrives, sends what
 * the user's loop asks, and decides how the client ends. The first of these wins: the user
 * leaves ({@link #leave}), the server kicks the user for idling, the connection is lost.
 */
final class ClientSession implements ServerConnection.Listener {

  /** How long {@link #leave} waits for the server's {@code bye} and close. */
  static final Duration GOODBYE_WAIT = Duration.ofSeconds(5);
  static final String KICKED_PREFIX = "kicked:";

  private final Endpoint endpoint;
  private final ServerConnection connection;
  private final UserConsole console;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final CompletableFuture<Void> serverClosed = new CompletableFuture<>();
  private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private volatile boolean quitSent;

  ClientSession(Endpoint endpoint, ServerConnection connection, UserConsole console) {
    this.endpoint = endpoint;
    this.connection = connection;
    this.console = console;
  }

  /** Starts hearing the server. */
  void start() {
    connection.start(this);
  }

  /** Sends a line as typed. A failed write means the connection is lost. */
  void send(String line) {
    replies.clear();
    if (line.strip().equals("quit")) {
      quitSent = true;
    }
    try {
      connection.send(line);
    } catch (IOException e) {
      lost(e.getMessage());
    }
  }

  /**
   * The next line the server sends that is not a room notice (those start with {@code [}), as an
   * answer to the line just sent; {@code null} if none arrives within {@code timeout}.
   */
  String awaitReply(Duration timeout) {
    return awaitReply(line -> !line.startsWith("["), timeout);
  }

  private String awaitReply(Predicate<String> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!exitCode.isDone()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        String line = replies.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
        if (line != null && match.test(line)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /** Says {@code quit}, waits a bounded time for the server's answers and close, and ends with 0. */
  void leave() {
    if (exitCode.isDone()) {
      return;
    }
    send("quit");
    try {
      serverClosed.get(GOODBYE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the server said nothing more; leave all the same
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // closed: nothing more to wait for
    }
    exitCode.complete(ExitCodes.OK);
  }

  /** True once the client is ending; the user's loop stops asking. */
  boolean ended() {
    return exitCode.isDone();
  }

  /** Waits for the end and returns the exit code. */
  int awaitExit() {
    int code = exitCode.join();
    connection.close();
    return code;
  }

  @Override
  public void line(String line) {
    console.show(line);
    replies.add(line);
    if (line.startsWith(KICKED_PREFIX)) {
      console.note("vchat: the server closed the connection because you were idle");
      exitCode.complete(ExitCodes.OK);
    }
  }

  @Override
  public void closed(IOException failure) {
    serverClosed.complete(null);
    if (failure != null) {
      lost(failure.getMessage());
    } else if (quitSent) {
      exitCode.complete(ExitCodes.OK);
    } else {
      lost("closed by the server");
    }
  }

  private void lost(String reason) {
    if (exitCode.isDone() || quitSent) {
      exitCode.complete(ExitCodes.OK);
      return;
    }
    console.note("vchat: connection to " + endpoint + " lost: " + reason);
    exitCode.complete(ExitCodes.CONNECTION_LOST);
  }
}
