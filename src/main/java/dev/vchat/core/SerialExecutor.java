package dev.vchat.core;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Runs one session's tasks one after another, each starting when the previous one's future is
 * complete. This keeps a user's lines in order even when some commands wait on the registry.
 * Not thread-safe: used only from the session's event loop.
 */
final class SerialExecutor {

  private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

  // a session rarely has more than a task or two waiting: the default 16 slots are 48 bytes per user for nothing
  private final ArrayDeque<Supplier<Future<?>>> tasks = new ArrayDeque<>(3);
  private boolean running;

  void submit(Supplier<Future<?>> task) {
    tasks.add(task);
    if (!running) {
      drain();
    }
  }

  int backlog() {
    return tasks.size();
  }

  private void drain() {
    running = true;
    Supplier<Future<?>> task;
    while ((task = tasks.poll()) != null) {
      Future<?> done = run(task);
      if (!done.isComplete()) {
        done.onComplete(ignored -> drain());
        return;
      }
    }
    running = false;
  }

  private static Future<?> run(Supplier<Future<?>> task) {
    try {
      return task.get().onFailure(e -> log.error("session task failed", e));
    } catch (RuntimeException e) {
      log.error("session task failed", e);
      return Future.failedFuture(e);
    }
  }
}
