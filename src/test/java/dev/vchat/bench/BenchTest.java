package dev.vchat.bench;

import dev.vchat.support.ChatServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench against the real server in this JVM: small numbers, counts only, no timing. */
@ExtendWith(VertxExtension.class)
class BenchTest {

  @Test
  void broadcastsAreAllCountedInOrder(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    BenchReport report = new Bench(BenchCommand.parse("--port", Integer.toString(server.port()),
      "--users", "20", "--senders", "2", "--messages", "200", "--quiet-ms", "300", "--drain-ms", "5000")).run();

    assertEquals(20, report.connected);
    assertEquals(400, report.sent);
    assertEquals(400L * 20, report.expected);
    assertEquals(400L * 20, report.received);
    assertEquals(0, report.lost());
    assertEquals(0, report.reordered);
    assertTrue(report.onlineNotices >= 20, "each user sees at least its own join");
    assertEquals(400L * 20, report.toJson().getJsonObject("latencyMillis").getLong("count"));
  }

  @Test
  void privateMessagesAndARateAreCounted(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    BenchReport report = new Bench(BenchCommand.parse("--port", Integer.toString(server.port()),
      "--users", "10", "--senders", "2", "--messages", "50", "--rate", "500", "--private",
      "--quiet-ms", "300", "--drain-ms", "5000")).run();

    assertEquals(100, report.sent);
    assertEquals(100, report.received);
    assertEquals(100, report.echoes);
    assertEquals(0, report.lost());
    assertEquals(0, report.reordered);
  }

  @Test
  void aReaderThatStopsIsLeftOutOfTheCounts(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx);
    BenchReport report = new Bench(BenchCommand.parse("--port", Integer.toString(server.port()),
      "--users", "6", "--senders", "1", "--messages", "20", "--slow-readers", "1",
      "--quiet-ms", "300", "--drain-ms", "5000")).run();

    assertEquals(1, report.slowReaders);
    assertEquals(20L * 5, report.expected);
    assertEquals(20L * 5, report.received);
  }

  @Test
  void optionsAreChecked() {
    assertNull(BenchCommand.parse("--users", "5", "--senders", "2").validate());
    assertNotNull(BenchCommand.parse("--host", "192.0.2.1").validate(), "loopback only");
    assertNotNull(BenchCommand.parse("--users", "5", "--senders", "6").validate());
    assertNotNull(BenchCommand.parse("--messages", "0").validate(), "a run must be bounded");
    assertNotNull(BenchCommand.parse("--users", "100000").validate());
  }
}
