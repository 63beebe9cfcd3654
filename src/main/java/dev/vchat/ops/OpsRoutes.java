package dev.vchat.ops;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.metrics.ChatMetrics;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * The operator's routes, on the web port or on their own ({@link OpsVerticle}, docs/OPERATIONS.md): {@code GET /health} (liveness),
 * {@code GET /ready} (readiness), {@code GET /metrics} (Prometheus) and {@code GET /status}
 * (the page's status strip).
 */
public final class OpsRoutes {

  /** A readiness check that has not answered by then is DOWN. */
  static final long CHECK_TIMEOUT_MILLIS = 2_000;
  private static final String PROBE_KEY = "\u0000ready-probe";

  private OpsRoutes() {
  }

  public static void mount(Router router, Vertx vertx, ChatConfig config) {
    ChatMetrics metrics = ChatMetrics.of(vertx);

    HealthChecks liveness = HealthChecks.create(vertx)
      // runs on this verticle's event loop: it answers only if the loop is not stuck
      .register("event-loop", promise -> promise.complete(Status.OK()));
    router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(liveness));

    HealthChecks readiness = HealthChecks.create(vertx)
      .register("tcp", promise -> promise.complete(NodeState.isTcpListening(vertx) ? Status.OK() : Status.KO()))
      .register("registry", CHECK_TIMEOUT_MILLIS, promise -> registryAnswers(vertx, promise));
    if (vertx.isClustered()) {
      readiness.register("cluster", CHECK_TIMEOUT_MILLIS, promise -> clusterJoined(vertx, promise));
    }
    router.get("/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));

    if (config.metricsEnabled()) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics.registry()));
    }
    mountStatus(router, vertx);
  }

  /** {@code GET /status} alone: the page's status strip reads it, so the web port keeps it when the rest moves to {@code opsPort}. */
  public static void mountStatus(Router router, Vertx vertx) {
    ChatMetrics metrics = ChatMetrics.of(vertx);
    router.get("/status").handler(ctx -> ctx.json(new JsonObject()
      .put("node", metrics.node())
      .put("usersOnline", metrics.usersOnline())));
  }

  /** The user registry answers a read (cluster-wide when clustered). */
  private static void registryAnswers(Vertx vertx, Promise<Status> promise) {
    vertx.sharedData().<String, String>getAsyncMap(Addresses.USERS_MAP)
      .compose(users -> users.get(PROBE_KEY))
      .onSuccess(ignored -> promise.tryComplete(Status.OK()))
      .onFailure(e -> promise.tryComplete(Status.KO(new JsonObject().put("error", String.valueOf(e.getMessage())))));
  }

  /** This node is an active member of the cluster: the cluster manager lists it. */
  private static void clusterJoined(Vertx vertx, Promise<Status> promise) {
    // internal: Vert.x 5.0.7 has no public way from a Vertx to its cluster manager
    ClusterManager manager = ((VertxInternal) vertx).clusterManager();
    boolean member = manager.isActive() && manager.getNodes().contains(manager.getNodeId());
    promise.tryComplete(member
      ? Status.OK(new JsonObject().put("node", manager.getNodeId()).put("members", manager.getNodes().size()))
      : Status.KO());
  }
}
