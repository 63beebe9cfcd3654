package dev.vchat.core;

import dev.vchat.config.ChatConfig;
import dev.vchat.metrics.ChatMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * The users connected to this node's chat, TCP and browser together, counted in Vert.x local
 * shared data so that every verticle instance (each on its own event loop) sees the same
 * numbers: the total, and one count per source IP. Each update is one atomic {@code merge}/{@code compute}; an IP's
 * entry disappears when its last connection closes, so the map holds only addresses that are
 * connected now.
 */
public final class ConnectionLimits {

  /** The key of the total; no IP address starts with '*'. */
  private static final String TOTAL = "*total";

  private final LocalMap<String, Integer> counts;
  private final ChatMetrics metrics;
  private final int maxTotal;
  private final int maxPerIp;
  private final RefusalLog refusals;

  public ConnectionLimits(Vertx vertx, ChatConfig config) {
    // one chat per Vert.x and TCP port: tests run several in one JVM
    this.counts = vertx.sharedData().getLocalMap("vchat.connections." + config.port());
    this.metrics = ChatMetrics.of(vertx);
    this.maxTotal = config.maxConnections();
    this.maxPerIp = config.maxConnectionsPerIp();
    this.refusals = new RefusalLog(vertx);
  }

  /**
   * Counts a new connection from {@code ip} ({@code who}: how the log names it) if the limits
   * allow it; otherwise counts nothing, meters the refusal, logs it (a flood of refusals in two
   * lines every few seconds: {@link RefusalLog}), and returns why.
   * {@code null} means admitted: call {@link #release} once when it closes.
   */
  public ErrorCode admit(String ip, String who) {
    ErrorCode refused = tryAdmit(ip);
    if (refused != null) {
      metrics.connectionRefused(refused.code());
      refusals.refused(who + ": " + refused.code() + " (total " + total() + ", at most " + maxTotal
        + " in all and " + maxPerIp + " per address)");
    }
    return refused;
  }

  private ErrorCode tryAdmit(String ip) {
    int total = counts.merge(TOTAL, 1, Integer::sum);
    if (maxTotal > 0 && total > maxTotal) {
      decrement(TOTAL);
      return ErrorCode.SERVER_FULL;
    }
    int fromIp = counts.merge(ip, 1, Integer::sum);
    if (maxPerIp > 0 && fromIp > maxPerIp) {
      decrement(ip);
      decrement(TOTAL);
      return ErrorCode.TOO_MANY_FROM_ADDRESS;
    }
    return null;
  }

  public void release(String ip) {
    decrement(ip);
    decrement(TOTAL);
  }

  private int total() {
    return counts.getOrDefault(TOTAL, 0);
  }

  private void decrement(String key) {
    counts.compute(key, (k, n) -> n == null || n <= 1 ? null : n - 1);
  }
}
