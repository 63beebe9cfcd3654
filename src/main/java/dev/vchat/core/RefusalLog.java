package dev.vchat.core;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused connections, logged without a line each: the first refusal of a window is logged,
 * those after it only counted, and the count logged when the window ends. A flood of refused
 * connections costs the log two lines every {@value #WINDOW_MILLIS} ms, not one per connection.
 * Used on one event loop (a verticle instance's).
 */
final class RefusalLog {

  private static final Logger log = LoggerFactory.getLogger(ConnectionLimits.class);
  static final long WINDOW_MILLIS = 10_000;

  private final Vertx vertx;
  private long window = -1;
  private int more;
  private String last;

  RefusalLog(Vertx vertx) {
    this.vertx = vertx;
  }

  /** {@code what}: the refused connection and why, as the log says it. */
  void refused(String what) {
    if (window < 0) {
      log.warn("refused {}", what);
      window = vertx.setTimer(WINDOW_MILLIS, id -> summary());
      return;
    }
    more++;
    last = what;
  }

  private void summary() {
    window = -1;
    if (more > 0) {
      log.warn("refused {} more connections in {} s (the last: {})", more, WINDOW_MILLIS / 1000, last);
      more = 0;
    }
  }
}
