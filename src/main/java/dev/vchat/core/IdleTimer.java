package dev.vchat.core;

import io.vertx.core.Vertx;

/**
 * One re-arming Vert.x timer per user: activity only records a time, and the timer, when it
 * fires early, sleeps again for the rest of the timeout. No timer is created per message.
 */
final class IdleTimer {

  private final Vertx vertx;
  private final long timeoutNanos;
  private final Runnable onIdle;
  private long lastActivity;
  private long timerId = -1;

  IdleTimer(Vertx vertx, int timeoutSeconds, Runnable onIdle) {
    this.vertx = vertx;
    this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    this.onIdle = onIdle;
  }

  void start() {
    touch();
    if (timeoutNanos > 0) {
      arm(timeoutNanos);
    }
  }

  void touch() {
    lastActivity = System.nanoTime();
  }

  void cancel() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  private void arm(long delayNanos) {
    timerId = vertx.setTimer(Math.max(1, delayNanos / 1_000_000), id -> check());
  }

  private void check() {
    timerId = -1;
    long idleFor = System.nanoTime() - lastActivity;
    if (idleFor >= timeoutNanos) {
      onIdle.run();
    } else {
      arm(timeoutNanos - idleFor);
    }
  }
}
