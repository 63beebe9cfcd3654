package dev.vchat.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/** What a run measured, as a table or as JSON. */
final class BenchReport {

  private final BenchCommand o;
  long openFileLimit;
  int sourceIps;
  int connected;
  int connectFailures;
  String lastConnectError;
  double connectSeconds;
  double joinSettledSeconds;
  long onlineNotices;
  int closedBeforeSending;
  int closedAtEnd;
  int readers;
  int slowReaders;
  long sent;
  long expected;
  long received;
  long reordered;
  long echoes;
  long otherLines;
  double sendSeconds;
  double deliverySeconds;
  double benchCpuCores = -1;
  double serverCpuCores = -1;
  long serverRssIdleKib = -1;
  long serverRssHeldKib = -1;
  long serverRssAfterKib = -1;
  Histogram latency;

  BenchReport(BenchCommand options) {
    this.o = options;
  }

  long lost() {
    return Math.max(0, expected - received);
  }

  double deliveriesPerSecond() {
    return deliverySeconds > 0 ? received / deliverySeconds : 0;
  }

  double connectsPerSecond() {
    return connectSeconds > 0 ? connected / connectSeconds : 0;
  }

  /** Server RSS above its idle baseline per held connection, in bytes; -1 if unknown. */
  long rssBytesPerConnection() {
    if (serverRssIdleKib < 0 || serverRssHeldKib < 0 || connected == 0) {
      return -1;
    }
    return (serverRssHeldKib - serverRssIdleKib) * 1024 / connected;
  }

  private double millis(double percentile) {
    return latency == null || latency.getTotalCount() == 0 ? -1 : latency.getValueAtPercentile(percentile) / 1e6;
  }

  private double maxMillis() {
    return latency == null || latency.getTotalCount() == 0 ? -1 : latency.getMaxValue() / 1e6;
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("users", o.users)
      .put("senders", o.senders)
      .put("mode", o.privateMessages ? "private" : "broadcast")
      .put("protocol", o.protocol.name().toLowerCase(Locale.ROOT))
      .put("ports", new JsonArray(o.serverPorts()))
      .put("ratePerSender", o.rate)
      .put("messagesPerSender", o.messages)
      .put("size", o.size)
      .put("openFileLimit", openFileLimit)
      .put("sourceIps", sourceIps)
      .put("connected", connected)
      .put("connectFailures", connectFailures)
      .put("connectSeconds", round(connectSeconds))
      .put("connectsPerSecond", round(connectsPerSecond()))
      .put("onlineNotices", onlineNotices)
      .put("joinSettledSeconds", round(joinSettledSeconds))
      .put("closedBeforeSending", closedBeforeSending)
      .put("closedAtEnd", closedAtEnd)
      .put("readers", readers)
      .put("slowReaders", slowReaders)
      .put("sent", sent)
      .put("expected", expected)
      .put("received", received)
      .put("lost", lost())
      .put("reordered", reordered)
      .put("sendSeconds", round(sendSeconds))
      .put("deliverySeconds", round(deliverySeconds))
      .put("deliveriesPerSecond", Math.round(deliveriesPerSecond()))
      .put("latencyMillis", new JsonObject()
        .put("count", latency == null ? 0 : latency.getTotalCount())
        .put("p50", round(millis(50)))
        .put("p90", round(millis(90)))
        .put("p99", round(millis(99)))
        .put("p99.9", round(millis(99.9)))
        .put("max", round(maxMillis())))
      .put("benchCpuCores", round(benchCpuCores))
      .put("serverCpuCores", round(serverCpuCores))
      .put("serverRssIdleKib", serverRssIdleKib)
      .put("serverRssHeldKib", serverRssHeldKib)
      .put("serverRssAfterKib", serverRssAfterKib)
      .put("serverRssBytesPerConnection", rssBytesPerConnection());
    if (o.privateMessages) {
      json.put("privateMessagesPerSecond", Math.round(deliveriesPerSecond())).put("echoes", echoes);
    }
    if (lastConnectError != null) {
      json.put("lastConnectError", lastConnectError);
    }
    return json;
  }

  String toTable() {
    StringBuilder out = new StringBuilder();
    row(out, "server", o.protocol.name().toLowerCase(Locale.ROOT) + " protocol on port" + (o.serverPorts().size() > 1 ? "s " : " ")
      + String.join(",", o.serverPorts().stream().map(String::valueOf).toList()) + (o.serverPorts().size() > 1 ? " (users round-robin)" : ""));
    row(out, "users / senders / mode", o.users + " / " + o.senders + " / " + (o.privateMessages ? "private" : "broadcast")
      + (o.rate == 0 ? ", flat out" : ", " + o.rate + " msg/s each") + ", " + o.size + " B");
    row(out, "connections held", connected + " (" + connectFailures + " failed, " + sourceIps + " source IPs, open-file limit " + openFileLimit + ")");
    row(out, "connect rate", String.format(Locale.ROOT, "%.0f /s (%.2f s)", connectsPerSecond(), connectSeconds));
    row(out, "join storm", String.format(Locale.ROOT, "%,d online notices, settled %.2f s after the first connect", onlineNotices, joinSettledSeconds));
    if (lastConnectError != null) {
      row(out, "last connect error", lastConnectError);
    }
    if (o.senders > 0) {
      row(out, o.privateMessages ? "private messages/s" : "deliveries/s",
        String.format(Locale.ROOT, "%,.0f (%,d in %.2f s; sending took %.2f s)", deliveriesPerSecond(), received, deliverySeconds, sendSeconds));
      row(out, "sent / expected", String.format(Locale.ROOT, "%,d / %,d to %d readers", sent, expected, readers));
      row(out, "lost / reordered", lost() + " / " + reordered);
      row(out, "latency ms p50 p90 p99", String.format(Locale.ROOT, "%.2f  %.2f  %.2f", millis(50), millis(90), millis(99)));
      row(out, "latency ms p99.9 max", String.format(Locale.ROOT, "%.2f  %.2f  (%,d timed)", millis(99.9), maxMillis(),
        latency == null ? 0 : latency.getTotalCount()));
      row(out, "bench CPU", benchCpuCores < 0 ? "?" : String.format(Locale.ROOT, "%.2f cores", benchCpuCores));
      if (serverCpuCores >= 0) {
        row(out, "server CPU", String.format(Locale.ROOT, "%.2f cores", serverCpuCores));
      }
    }
    if (slowReaders > 0) {
      row(out, "slow readers", slowReaders + " stopped reading");
    }
    row(out, "closed by the server", closedBeforeSending + " before sending, " + closedAtEnd + " at the end");
    if (serverRssIdleKib >= 0) {
      row(out, "server RSS KiB", serverRssIdleKib + " idle, " + serverRssHeldKib + " holding, " + serverRssAfterKib + " after");
      row(out, "server RSS/connection", rssBytesPerConnection() + " B above idle");
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-24s %s%n", label, value));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
