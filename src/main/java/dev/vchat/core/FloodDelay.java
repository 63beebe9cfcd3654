package dev.vchat.core;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Flood control that delays instead of refusing, for a transport that can stop reading: a line
 * over the rate waits for its token, in order, and while any line waits the transport is asked
 * to stop reading, so what the user sends next waits in the kernel's buffers, not in ours.
 * One log line per streak of delayed lines, when it ends. Used on the session's event loop only.
 */
final class FloodDelay {

  private static final Logger log = LoggerFactory.getLogger(FloodDelay.class);

  private final Vertx vertx;
  private final RateLimiter limiter;
  private final Consumer<Boolean> holding;
  private final Supplier<String> who;
  private final String rule;
  /** Lines that reserved a token still to come and have not run yet. */
  private int waiting;
  private long streakLines;
  private long streakStart;
  private long timer = -1;
  private Promise<Void> current;
  private boolean released;

  /**
   * @param holding told true when a line starts waiting and false when none waits any more
   * @param who     the user, for the log
   */
  FloodDelay(Vertx vertx, RateLimiter limiter, Consumer<Boolean> holding, Supplier<String> who, String rule) {
    this.vertx = vertx;
    this.limiter = limiter;
    this.holding = holding;
    this.who = who;
    this.rule = rule;
  }

  /** Takes the token of the next line: the {@code System.nanoTime()} at which it may run, 0 for now. */
  long admit() {
    long wait = limiter.reserve();
    if (wait == 0 || released) {
      return 0;
    }
    long now = System.nanoTime();
    if (waiting++ == 0) {
      holding.accept(true);
      streakStart = now;
    }
    streakLines++;
    return now + wait;
  }

  /** Completes when a line admitted for {@code dueAt} may run, or at once once {@link #release()}d. */
  Future<Void> until(long dueAt) {
    if (dueAt == 0) {
      return Future.succeededFuture();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(dueAt - System.nanoTime() + 999_999);
    Future<Void> due;
    if (released || millis <= 0) {
      due = Future.succeededFuture();
    } else {
      current = Promise.promise();
      timer = vertx.setTimer(millis, id -> {
        timer = -1;
        current.tryComplete();
      });
      due = current.future();
    }
    return due.andThen(ar -> ran());
  }

  private void ran() {
    if (--waiting == 0) {
      holding.accept(false);
      log.info("delayed {} lines of {} over {} ms: {}", streakLines, who.get(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - streakStart), rule);
      streakLines = 0;
    }
  }

  /** The user is going: no line waits any more (the session skips them). */
  void release() {
    released = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (current != null) {
      current.tryComplete();
    }
  }
}
