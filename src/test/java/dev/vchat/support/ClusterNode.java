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

  private ClusterNode(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
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
    int port = ChatServer.freePort();
    JsonObject json = new JsonObject()
      .put("host", "127.0.0.1")
      .put("port", port)
      .put("instances", 2)
      .put("idleTimeoutSeconds", 0)
      .put("webEnabled", false)
      .mergeIn(ChatServer.generousLimits())
      .mergeIn(clusterSettings);
    ChatConfig config = ChatConfig.fromJson(json);
    Vertx vertx = HazelcastSetup.clusteredBuilder(new VertxOptions(), config).buildClustered().await();
    vertx.deployVerticle(new ChatMainVerticle(), new DeploymentOptions().setConfig(json)).await();
    return new ClusterNode(vertx, port);
  }

  public int port() {
    return port;
  }

  /** Leaves cleanly: undeploys (users are told and leave), then leaves the cluster. */
  @Override
  public void close() {
    vertx.close().await();
  }
}
