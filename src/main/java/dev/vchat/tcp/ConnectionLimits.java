package dev.vchat.tcp;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * The open connections of one chat port on this node, counted in Vert.x local shared data so
 * that every TCP verticle instance (each on its own event loop) sees the same numbers: the total,
 * and one count per source IP. Each update is one atomic {@code merge}/{@code compute}; an IP's
 * entry disappears when its last connection closes, so the map holds only addresses that are
 * connected now.
 */
final class ConnectionLimits {

  /** The key of the total; no IP address starts with '*'. */
  private static final String TOTAL = "*total";

  private final LocalMap<String, Integer> counts;
  private final int maxTotal;
  private final int maxPerIp;

  ConnectionLimits(Vertx vertx, ChatConfig config) {
    this.counts = vertx.sharedData().getLocalMap("vchat.tcp.connections." + config.port());
    this.maxTotal = config.maxConnections();
    this.maxPerIp = config.maxConnectionsPerIp();
  }

  /**
   * Counts a new connection from {@code ip} if the limits allow it; otherwise counts nothing and
   * returns why not. {@code null} means admitted: call {@link #release} once when it closes.
   */
  ErrorCode admit(String ip) {
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

  void release(String ip) {
    decrement(ip);
    decrement(TOTAL);
  }

  int total() {
    return counts.getOrDefault(TOTAL, 0);
  }

  private void decrement(String key) {
    counts.compute(key, (k, n) -> n == null || n <= 1 ? null : n - 1);
  }
}
