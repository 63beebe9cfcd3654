package dev.vchat.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat's own figures, for {@code GET /metrics} and {@code GET /status}. One instance per
 * Vert.x instance, kept in its local shared data ({@link #of}); chat code calls
 * {@code metrics.messageReceived()} and knows nothing of Micrometer.
 *
 * <p>When Vert.x runs with Micrometer metrics (see {@link Monitoring}) and whoever built it said
 * so ({@link #useRegistryOf}), the figures go to the same Prometheus registry as Vert.x's own
 * event-bus and net metrics. Otherwise (a plain Vert.x, as in most tests) they go to a registry
 * of their own, so they still count and can still be scraped. Meter names are listed in
 * docs/OPERATIONS.md.
 */
public final class ChatMetrics implements Shareable {

  /** Transports, the {@code transport} tag. */
  public static final String TCP = "tcp";
  public static final String WEB = "web";
  public static final String IRC = "irc";

  /** Kick reasons, the {@code reason} tag of {@code vchat_kicks_total}. */
  public static final String KICK_IDLE = "idle";
  public static final String KICK_FLOOD = "flood";
  public static final String KICK_SLOW_READER = "slow_reader";

  private static final String MAP = "dev.vchat.metrics";
  private static final String KEY = "metrics";
  private static final String REGISTRY_NAME_KEY = "registryName";

  private final PrometheusMeterRegistry registry;
  private final String node;
  private final AtomicInteger usersOnline = new AtomicInteger();
  private final Counter messagesReceived;
  private final Counter privateMessages;
  private final Counter renames;
  private final Counter tcpDeliveries;
  private final Counter webDeliveries;
  private final Counter tcpBytesIn;
  private final Counter tcpBytesOut;

  private ChatMetrics(PrometheusMeterRegistry registry, String node) {
    this.registry = registry;
    this.node = node;
    Gauge.builder("vchat.users.online", usersOnline, AtomicInteger::get)
      .description("Users online on this node (joined and not yet left), all transports")
      .tag("node", node)
      .register(registry);
    messagesReceived = Counter.builder("vchat.messages.received")
      .description("Chat messages received from users and broadcast").register(registry);
    privateMessages = Counter.builder("vchat.private.messages")
      .description("Private messages delivered to their recipient").register(registry);
    renames = Counter.builder("vchat.renames")
      .description("Successful renames").register(registry);
    tcpDeliveries = deliveries(TCP);
    webDeliveries = deliveries(WEB);
    tcpBytesIn = Counter.builder("vchat.bytes.in").description("Bytes read from users' sockets")
      .tag("transport", TCP).register(registry);
    tcpBytesOut = Counter.builder("vchat.bytes.out").description("Bytes written to users' sockets")
      .tag("transport", TCP).register(registry);
  }

  private Counter deliveries(String transport) {
    return Counter.builder("vchat.deliveries.sent")
      .description("Events (lines) sent to one user: broadcasts count once per recipient")
      .tag("transport", transport).register(registry);
  }

  /**
   * Makes the metrics of {@code vertx} count in the registry Vert.x's Micrometer metrics report
   * to, when it was built with them ({@code builtWith} holds enabled {@link MicrometerMetricsOptions}).
   * Vert.x does not tell its registry's name, so whoever built it says it here, before anything
   * counts: the launcher does, once Vert.x is up.
   */
  public static void useRegistryOf(Vertx vertx, VertxOptions builtWith) {
    if (builtWith.getMetricsOptions() instanceof MicrometerMetricsOptions micrometer && micrometer.isEnabled()) {
      vertx.sharedData().<String, String>getLocalMap(MAP).put(REGISTRY_NAME_KEY, micrometer.getRegistryName());
    }
  }

  /** The metrics of this Vert.x instance, made on first use. */
  public static ChatMetrics of(Vertx vertx) {
    LocalMap<String, Object> map = vertx.sharedData().getLocalMap(MAP);
    if (map.get(KEY) instanceof ChatMetrics metrics) {
      return metrics;
    }
    synchronized (ChatMetrics.class) {
      if (map.get(KEY) instanceof ChatMetrics metrics) {
        return metrics;
      }
      ChatMetrics metrics = new ChatMetrics(registryOf((String) map.get(REGISTRY_NAME_KEY)), nodeOf(vertx));
      map.put(KEY, metrics);
      return metrics;
    }
  }

  /** The Prometheus registry named {@code registryName} when Vert.x has one, else a new one for this Vert.x alone. */
  private static PrometheusMeterRegistry registryOf(String registryName) {
    if (registryName != null && BackendRegistries.getNow(registryName) instanceof PrometheusMeterRegistry prometheus) {
      return prometheus;
    }
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  private static String nodeOf(Vertx vertx) {
    // internal: Vert.x 5.0.7 has no public way from a Vertx to its cluster manager's node id
    if (vertx.isClustered() && vertx instanceof VertxInternal internal) {
      return internal.clusterManager().getNodeId();
    }
    return "local";
  }

  // --- what the chat calls

  public void userOnline() {
    usersOnline.incrementAndGet();
  }

  public void userOffline() {
    usersOnline.decrementAndGet();
  }

  public void connectionAccepted(String transport) {
    Counter.builder("vchat.connections.accepted").description("Connections accepted")
      .tag("transport", transport).register(registry).increment();
  }

  /** A connection turned away or dropped before it could join; {@code reason} is a short tag value. */
  public void connectionRefused(String reason) {
    Counter.builder("vchat.connections.refused").description("Connections refused before joining")
      .tag("reason", reason).register(registry).increment();
  }

  public void messageReceived() {
    messagesReceived.increment();
  }

  public void privateMessage() {
    privateMessages.increment();
  }

  public void renamed() {
    renames.increment();
  }

  /** A user kicked: {@link #KICK_IDLE}, {@link #KICK_FLOOD}, {@link #KICK_SLOW_READER}. */
  public void kicked(String reason) {
    Counter.builder("vchat.kicks").description("Users kicked, by reason")
      .tag("reason", reason).register(registry).increment();
  }

  /** An error: an error reply to a user (its code) or a server-side failure (a short kind). */
  public void error(String kind) {
    Counter.builder("vchat.errors").description("Errors: error replies to users by code, and server-side failures")
      .tag("kind", kind).register(registry).increment();
  }

  /** One line written to a TCP user. */
  /** {@code events} events (lines) in {@code bytes} bytes written to TCP users. */
  public void tcpDelivered(long events, long bytes) {
    tcpDeliveries.increment(events);
    tcpBytesOut.increment(bytes);
  }

  public void tcpReceived(int bytes) {
    tcpBytesIn.increment(bytes);
  }

  /** One event sent to a browser user. */
  public void webDelivered() {
    webDeliveries.increment();
  }

  // --- what operators see

  public int usersOnline() {
    return usersOnline.get();
  }

  public String node() {
    return node;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
