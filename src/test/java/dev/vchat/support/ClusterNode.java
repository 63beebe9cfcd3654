package dev.vchat.support;

import dev.vchat.ChatMainVerticle;
import dev.vchat.cluster.HazelcastSetup;
import dev.vchat.config.ChatConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** A real clustered Vert.x node (its own Hazelcast member on loopback) running the chat. */
public final class ClusterNode implements AutoCloseable {

  private final Vertx vertx;
  private final int port;
  private final int webPort;

  private ClusterNode(Vertx vertx, int port, int webPort) {
    this.vertx = vertx;
    this.port = port;
    this.webPort = webPort;
  }

  /** Settings for the members of one test cluster: its own name and ports. */
  public static JsonObject clusterSettings(int basePort, int members) {
    JsonArray addresses = new JsonArray();
    for (int i = 0; i < members + 2; i++) {
      addresses.add("127.0.0.1:" + (basePort + i));
    }
    return new JsonObject()
      .put("cluster", true)
      .put("clusterName", "test-" + UUID.randomUUID())
      .put("clusterHost", "127.0.0.1")
      .put("clusterPort", basePort)
      .put("clusterMembers", addresses)
      .put("clusterFailureSeconds", 3);
  }

  public static ClusterNode start(JsonObject clusterSettings) {
    return start(clusterSettings, false);
  }

  /** A member that also serves the browser chat, on a free port. */
  public static ClusterNode startWithWeb(JsonObject clusterSettings) {
    return start(clusterSettings, true);
  }

  private static ClusterNode start(JsonObject clusterSettings, boolean web) {
    int port = ChatServer.freePort();
    int webPort = web ? ChatServer.freePort() : -1;
    JsonObject json = new JsonObject()
      .put("host", "127.0.0.1")
      .put("port", port)
      .put("ircPort", 0)
      .put("instances", 2)
      .put("idleTimeoutSeconds", 0)
      .put("webEnabled", web)
      .put("webPort", Math.max(webPort, 0))
      .mergeIn(ChatServer.generousLimits())
      .mergeIn(clusterSettings);
    ChatConfig config = ChatConfig.fromJson(json);
    Vertx vertx = HazelcastSetup.clusteredBuilder(new VertxOptions(), config).buildClustered().await();
    vertx.deployVerticle(new ChatMainVerticle(), new DeploymentOptions().setConfig(json)).await();
    return new ClusterNode(vertx, port, webPort);
  }

  public int port() {
    return port;
  }

  /** The browser chat's port; only for a node started with {@link #startWithWeb}. */
  public int webPort() {
    return webPort;
  }

  /** This member's Vert.x, for clients of the test that need one. */
  public Vertx vertx() {
    return vertx;
  }

  /** Leaves cleanly: undeploys (users are told and leave), then leaves the cluster. */
  @Override
  public void close() {
    vertx.close().await();
  }
}
