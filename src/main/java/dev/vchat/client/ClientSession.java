package dev.vchat.client;

import dev.vchat.core.Language;

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
 * leaves ({@link #leave}), the server kicks the user for idling, the connection is lost. On the way
 * it learns the server's language (from the first online notice) and the user's room (from
 * {@code you are in #ROOM}).
 */
final class ClientSession implements ServerConnection.Listener {

  /** How long {@link #leave} waits for the server's {@code bye} and close. */
  static final Duration GOODBYE_WAIT = Duration.ofSeconds(5);
  static final String KICKED_PREFIX = "kicked:";
  /** The longest {@link #awaitQuiet} waits, however busy the chat. */
  static final Duration SETTLE_MAX = Duration.ofSeconds(2);

  private final Endpoint endpoint;
  private final ServerConnection connection;
  private final UserConsole console;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final CompletableFuture<Void> serverClosed = new CompletableFuture<>();
  private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final CompletableFuture<Language> language = new CompletableFuture<>();
  private volatile String room = ServerLines.LOBBY;
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

  /** The next line the server sends that {@code match}es; {@code null} if none within {@code timeout}. */
  String awaitReply(Predicate<String> match, Duration timeout) {
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

  /**
   * Waits until the server has said nothing for {@code quiet} (at most {@link #SETTLE_MAX} in all):
   * for answers of several lines with no end marker (the rooms list, the history after a join).
   */
  void awaitQuiet(Duration quiet) {
    long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
    try {
      while (!exitCode.isDone() && System.nanoTime() < deadline
        && replies.poll(quiet.toNanos(), TimeUnit.NANOSECONDS) != null) {
        // another line of the answer: keep waiting for the quiet
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The server's language, as its first online notice tells ({@code :online} or {@code :已上线});
   * English if none arrives within {@code timeout} or the connection ends first.
   */
  Language awaitLanguage(Duration timeout) {
    try {
      return language.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Language.EN;
    } catch (Exception e) {
      return Language.EN;
    }
  }

  /** The room the user is in: {@code #lobby} until the server says {@code you are in #ROOM}. */
  String room() {
    return room;
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
    // learnt after the line is shown (the menu waits for the language: it comes under this line)
    // and before it counts as a reply (a loop that waited for a join's answer sees the new room)
    if (!language.isDone()) {
      ServerLines.language(line).ifPresent(language::complete);
    }
    ServerLines.enteredRoom(line).ifPresent(entered -> room = entered);
    replies.add(line);
    if (line.startsWith(KICKED_PREFIX)) {
      console.note("vchat: the server closed the connection because you were idle");
      exitCode.complete(ExitCodes.OK);
    }
  }

  @Override
  public void closed(IOException failure) {
    language.complete(Language.EN);
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
