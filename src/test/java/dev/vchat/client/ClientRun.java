package dev.vchat.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** The client run in the test JVM on streams the test holds: typed stdin, captured stdout and stderr. */
final class ClientRun implements AutoCloseable {

  static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

  final TypedInput in = new TypedInput();
  final Screen out = new Screen();
  final Screen err = new Screen();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  private ClientRun(String... args) {
    Thread thread = new Thread(() -> {
      try {
        exitCode.complete(ClientCommand.run(args, new ClientIo(in, out.stream(), err.stream(), false)));
      } catch (Throwable t) {
        exitCode.completeExceptionally(t);
      }
    }, "client-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  static ClientRun start(String... args) {
    return new ClientRun(args);
  }

  ClientRun type(String line) {
    in.type(line);
    return this;
  }

  /** The exit code, failing if the client has not ended within {@link #EXIT_TIMEOUT}. */
  int awaitExit() {
    try {
      return exitCode.get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return fail("the client did not exit; stdout:\n" + out.text() + "\nstderr:\n" + err.text(), e);
    }
  }

  @Override
  public void close() {
    in.end();
  }
}
