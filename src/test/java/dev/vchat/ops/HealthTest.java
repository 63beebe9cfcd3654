package dev.vchat.ops;

import dev.vchat.ChatMainVerticle;
import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.web.WebChatVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /health} and {@code GET /ready}, the standard health-check JSON, over real HTTP. */
@ExtendWith(VertxExtension.class)
class HealthTest {

  @Test
  void liveAndReadyOnceTheServerRuns(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    Scrape http = new Scrape(server.webPort());
    HttpResponse<String> health = http.get("health");
    assertEquals(200, health.statusCode());
    assertEquals("UP", new JsonObject(health.body()).getString("status"));
    HttpResponse<String> ready = http.get("ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject body = new JsonObject(ready.body());
    assertEquals("UP", body.getString("status"));
    assertEquals("UP", check(body, "tcp").getString("status"));
    assertEquals("UP", check(body, "registry").getString("status"));
  }

  @Test
  void notReadyBeforeTheTcpServerListensNorAfterItStops(Vertx vertx) {
    // the web alone first, as if the TCP chat were still starting: alive, not ready
    JsonObject config = new JsonObject().put("host", "127.0.0.1").put("port", ChatServer.freePort())
      .put("instances", 1).put("webPort", ChatServer.freePort());
    vertx.deployVerticle(new WebChatVerticle(), new DeploymentOptions().setConfig(config)).await();
    Scrape http = new Scrape(config.getInteger("webPort"));
    assertEquals(200, http.get("health").statusCode());
    HttpResponse<String> notYet = http.get("ready");
    assertEquals(503, notYet.statusCode(), notYet.body());
    JsonObject body = new JsonObject(notYet.body());
    assertEquals("DOWN", body.getString("status"));
    assertEquals("DOWN", check(body, "tcp").getString("status"));
    assertEquals("UP", check(body, "registry").getString("status"));

    // now the TCP chat (web off: the web verticle above already serves this node)
    String chat = vertx.deployVerticle(new ChatMainVerticle(),
      new DeploymentOptions().setConfig(config.copy().put("webEnabled", false))).await();
    assertEquals(200, http.get("ready").statusCode());

    vertx.undeploy(chat).await();
    assertEquals(503, http.get("ready").statusCode());
  }

  @Test
  void aClusterNodeIsReadyAsAMemberOfTheCluster() {
    int webPort = ChatServer.freePort();
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 1)
      .put("webEnabled", true).put("webPort", webPort);
    try (ClusterNode node = ClusterNode.start(settings)) {
      HttpResponse<String> ready = new Scrape(webPort).get("ready");
      assertEquals(200, ready.statusCode(), ready.body());
      JsonObject cluster = check(new JsonObject(ready.body()), "cluster");
      assertEquals("UP", cluster.getString("status"));
      assertEquals(1, cluster.getJsonObject("data").getInteger("members"));
    }
  }

  private static JsonObject check(JsonObject body, String id) {
    JsonArray checks = body.getJsonArray("checks");
    for (int i = 0; i < checks.size(); i++) {
      if (id.equals(checks.getJsonObject(i).getString("id"))) {
        return checks.getJsonObject(i);
      }
    }
    throw new AssertionError("no check " + id + " in " + body.encode());
  }
}
