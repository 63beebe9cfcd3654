package dev.vchat.tcp;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vchat.core.ConnectionLimits;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connection limits, counted across two TCP verticle instances (connections are shared between
 * them round-robin): a newcomer over a limit gets one error line and is closed before it joins;
 * nobody else sees anything.
 */
@ExtendWith(VertxExtension.class)
class ConnectionLimitTest {

  @Test
  void overThePerAddressLimitANewcomerIsToldAndClosedAndOtherAddressesStillGetIn(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("instances", 2).put("maxConnections", 100).put("maxConnectionsPerIp", 2));
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      for (int i = 0; i < 3; i++) {
        try (TestUser extra = TestUser.connect(server.port())) {
          extra.expect("error: too many connections from your address");
          extra.expectClosed();
        }
      }
      try (TestUser other = TestUser.connectFrom("127.0.0.2", server.port())) {
        other.expect("[" + other.addr() + "]" + other.addr() + ":online");
        ann.expect("[" + other.addr() + "]" + other.addr() + ":online");
      }
      ann.awaitLine(l -> l.endsWith(":offline"));
      bob.send("who");
      bob.awaitLine("[" + ann.addr() + "]ann:online");
      bob.expect("[" + bob.addr() + "]bob:online");
      assertEquals(List.of(), bob.linesWithin(Duration.ofMillis(300)), "refused newcomers are not in who");

      // a place that frees up can be taken
      bob.send("quit");
      bob.expect("bye");
      bob.expectClosed();
      ann.expect("[" + bob.addr() + "]bob:offline");
      try (TestUser later = joinWhenAdmitted(server.port())) {
        ann.expect("[" + later.addr() + "]" + later.addr() + ":online");
      }
    }
  }

  @Test
  void overTheTotalLimitANewcomerIsToldTheServerIsFull(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("instances", 2).put("maxConnections", 3).put("maxConnectionsPerIp", 100));
    try (TestUser a = TestUser.join(server.port());
         TestUser b = TestUser.join(server.port());
         TestUser c = TestUser.connectFrom("127.0.0.3", server.port())) {
      c.awaitLine("[" + c.addr() + "]" + c.addr() + ":online");
      a.awaitLine("[" + c.addr() + "]" + c.addr() + ":online");
      for (String from : List.of("127.0.0.1", "127.0.0.4", "127.0.0.1")) {
        try (TestUser refused = TestUser.connectFrom(from, server.port())) {
          refused.expect("error: server full, try again later");
          refused.expectClosed();
        }
      }
      a.send("still fine");
      a.expect("[" + a.addr() + "]" + a.addr() + ":still fine");
      b.awaitLine("[" + a.addr() + "]" + a.addr() + ":still fine");
      assertEquals(List.of(), a.linesWithin(Duration.ofMillis(300)), "the refused are seen by nobody");
    }
  }

  /** Closes are counted when the server sees them, a moment after the client does: retry briefly. */
  private static TestUser joinWhenAdmitted(int port) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      TestUser user = TestUser.connect(port);
      String first = user.nextLine();
      if (first.equals("[" + user.addr() + "]" + user.addr() + ":online")) {
        return user;
      }
      user.close();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still refused: " + first);
      }
    }
  }

  @Test
  void aFloodOfRefusedConnectionsIsLoggedInTwoLines(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("maxConnectionsPerIp", 1));
    Logger logger = (Logger) LoggerFactory.getLogger(ConnectionLimits.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      for (int i = 0; i < 30; i++) {
        try (TestUser extra = TestUser.connect(server.port())) {
          extra.expect("error: too many connections from your address");
          extra.expectClosed();
        }
      }
      List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(1, lines.size(), "the first refusal is logged, the others counted: " + lines);
      assertTrue(lines.get(0).startsWith("refused a connection from 127.0.0.1:"), lines.get(0));
    } finally {
      logger.detachAppender(log);
    }
  }
}
