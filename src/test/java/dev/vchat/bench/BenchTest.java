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
  void overIrcBroadcastsReachEveryoneButTheirSender(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject().put("instances", 2));
    BenchReport report = new Bench(BenchCommand.parse("--port", Integer.toString(server.ircPort()), "--protocol", "irc",
      "--users", "12", "--senders", "2", "--messages", "100", "--quiet-ms", "300", "--drain-ms", "5000")).run();

    assertEquals(12, report.connected);
    assertEquals(200, report.sent);
    assertEquals(200L * 11, report.expected);
    assertEquals(200L * 11, report.received);
    assertEquals(0, report.reordered);
    assertEquals(0, report.echoes);
    assertTrue(report.onlineNotices >= 12, "each user sees at least its own JOIN");
  }

  @Test
  void overIrcPrivateMessagesReachTheirNick(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    BenchReport report = new Bench(BenchCommand.parse("--port", Integer.toString(server.ircPort()), "--protocol", "IRC",
      "--users", "6", "--senders", "2", "--messages", "30", "--rate", "500", "--private",
      "--quiet-ms", "300", "--drain-ms", "5000")).run();

    assertEquals(60, report.sent);
    assertEquals(60, report.received);
    assertEquals(0, report.reordered);
  }

  @Test
  void usersAreSpreadOverThePortsRoundRobin(Vertx vertx) throws Exception {
    // two servers in two Vert.x instances, not a cluster: a broadcast reaches only the users of its sender's server
    Vertx other = Vertx.vertx();
    BenchReport report;
    try {
      ChatServer a = ChatServer.start(vertx);
      ChatServer b = ChatServer.start(other);
      report = new Bench(BenchCommand.parse("--ports", a.port() + "," + b.port(),
        "--users", "8", "--senders", "2", "--messages", "50", "--quiet-ms", "300", "--drain-ms", "1000")).run();
    } finally {
      other.close().await();
    }

    assertEquals(8, report.connected);
    assertEquals(100L * 8, report.expected);
    assertEquals(100L * 4, report.received, "each sender's 50 messages reach the 4 users of its own server");
    assertEquals(0, report.reordered);
  }

  @Test
  void optionsAreChecked() {
    assertNotNull(BenchCommand.parse("--ports", "9100,0").validate());
    assertNotNull(BenchCommand.parse("--blast-server", "--ports", "9100,9101").validate());
    assertEquals(java.util.List.of(9100, 9101), BenchCommand.parse("--ports", "9100,9101").serverPorts());
    assertEquals(java.util.List.of(8888), BenchCommand.parse().serverPorts());
    assertNull(BenchCommand.parse("--users", "5", "--senders", "2").validate());
    assertNotNull(BenchCommand.parse("--host", "192.0.2.1").validate(), "loopback only");
    assertNotNull(BenchCommand.parse("--users", "5", "--senders", "6").validate());
    assertNotNull(BenchCommand.parse("--messages", "0").validate(), "a run must be bounded");
    assertNotNull(BenchCommand.parse("--users", "100000").validate());
  }
}
