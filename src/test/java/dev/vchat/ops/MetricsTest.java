package dev.vchat.ops;

import dev.vchat.config.ChatConfig;
import dev.vchat.metrics.ChatMetrics;
import dev.vchat.metrics.Monitoring;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} and {@code GET /status} over real HTTP, while users on real TCP sockets chat. */
@ExtendWith(VertxExtension.class)
class MetricsTest {

  private static final String ONLINE = "vchat_users_online{node=\"local\"}";

  @Test
  void figuresMoveAsUsersJoinChatAndLeave(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    Scrape http = new Scrape(server.webPort());
    HttpResponse<String> first = http.get("metrics");
    assertEquals(200, first.statusCode());
    assertTrue(first.headers().firstValue("content-type").orElse("").startsWith("text/plain"), first.headers().toString());
    assertEquals(0, Scrape.value(first.body(), ONLINE));

    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      try (TestUser bob = TestUser.join(server.port(), "bob")) {
        http.await(ONLINE, 2);
        assertEquals(new JsonObject().put("node", "local").put("usersOnline", 2), http.json("status"));
        http.await("vchat_connections_accepted_total{transport=\"tcp\"}", 2);
        http.await("vchat_renames_total", 2);

        ann.send("hello");
        bob.awaitLine("[" + ann.addr() + "]ann:hello");
        http.await("vchat_messages_received_total", 1);

        bob.send("to ann psst");
        ann.awaitLine(line -> line.contains("psst"));
        http.await("vchat_private_messages_total", 1);

        bob.send("rename no!pe");
        bob.awaitLine(line -> line.startsWith("error"));
        http.await("vchat_errors_total{kind=\"name-invalid\"}", 1);

        String scrape = http.get("metrics").body();
        assertTrue(Scrape.value(scrape, "vchat_bytes_in_total{transport=\"tcp\"}")
          >= ("rename ann\nrename bob\nhello\nto ann psst\nrename no!pe\n").length(), scrape);
        assertTrue(Scrape.value(scrape, "vchat_bytes_out_total{transport=\"tcp\"}") > 0, scrape);
        // at least: two online notices and two renamed replies, the hello to both, the private and its echo
        assertTrue(Scrape.value(scrape, "vchat_deliveries_sent_total{transport=\"tcp\"}") >= 8, scrape);
      }
      ann.awaitLine(line -> line.endsWith("bob:offline"));
      http.await(ONLINE, 1);
      assertEquals(1, http.json("status").getInteger("usersOnline"));
    }
    http.await(ONLINE, 0);
  }

  @Test
  void idleKicksAreCountedByReason(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("idleTimeoutSeconds", 1));
    Scrape http = new Scrape(server.webPort());
    try (TestUser ann = TestUser.join(server.port())) {
      ann.awaitLine("kicked: idle for 1 s");
      http.await("vchat_kicks_total{reason=\"idle\"}", 1);
      http.await(ONLINE, 0);
    }
  }

  @Test
  void withMicrometerOnVertxOwnMetricsShareTheScrape() {
    VertxOptions options = Monitoring.withMetrics(new VertxOptions(), ChatConfig.DEFAULTS);
    Vertx vertx = Vertx.builder().with(options).build();
    ChatMetrics.useRegistryOf(vertx, options); // as the launcher does
    try {
      ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
      Scrape http = new Scrape(server.webPort());
      try (TestUser ann = TestUser.join(server.port())) {
        http.await(ONLINE, 1);
        String scrape = http.get("metrics").body();
        assertTrue(scrape.contains("vertx_eventbus_handlers"), scrape);
        assertTrue(scrape.contains("vertx_net_server_active_connections"), scrape);
        assertTrue(scrape.contains("vertx_http_server_requests_total"), scrape);
        assertTrue(scrape.contains("jvm_memory_used_bytes"), scrape);
      }
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void metricsEnabledFalseServesNoMetricsButKeepsTheStatus(Vertx vertx) {
    assertTrue(ChatConfig.DEFAULTS.metricsEnabled());
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("metricsEnabled", false));
    Scrape http = new Scrape(server.webPort());
    assertEquals(404, http.get("metrics").statusCode());
    try (TestUser ann = TestUser.join(server.port())) {
      assertEquals(1, http.json("status").getInteger("usersOnline"));
    }
    VertxOptions options = Monitoring.withMetrics(new VertxOptions(),
      ChatConfig.fromJson(new JsonObject().put("metricsEnabled", false)));
    assertTrue(options.getMetricsOptions() == null || !options.getMetricsOptions().isEnabled());
  }
}
