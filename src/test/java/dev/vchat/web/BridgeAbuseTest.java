package dev.vchat.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vchat.core.Addresses;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Abuse of the bridge with hand-written frames and handshakes: sockets that never join, and a
 * socket that sends nothing but refused frames. The server runs in this JVM, so its open files
 * are counted in /proc/self/fd.
 */
@ExtendWith(VertxExtension.class)
class BridgeAbuseTest {

  @Test
  void socketsThatNeverJoinCountFromTheStartAndAreClosed(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject()
      .put("maxConnectionsPerIp", 50).put("webJoinTimeoutMillis", 2500));
    long before = openFiles();
    List<RawWebSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        RawWebSocket socket = RawWebSocket.open(server.webPort(), "/eventbus/websocket");
        sockets.add(socket);
        assertEquals(101, socket.status());
        socket.sendText("{\"type\":\"ping\"}"); // alive as far as the bridge's ping check goes
      }
      assertTrue(openFiles() >= before + 300, "300 sockets open on the client side at least");
      // they count from the moment they open: this address has no room left for a chat user
      try (TestUser late = TestUser.connect(server.port())) {
        late.expect("error: too many connections from your address");
      }

      // 2.5 s to join, then 2 s for the close frame the raw client never answers; the bridge's
      // own ping check (10 s after each socket opened) must not be what closes the last ones
      long deadline = System.currentTimeMillis() + 6_500;
      for (RawWebSocket socket : sockets) {
        assertTrue(socket.awaitClosedByServer(deadline - System.currentTimeMillis()), "a socket that never joined is still open");
      }
      // the client ends are still open; the server's are gone
      long withClientEnds = openFiles();
      assertTrue(withClientEnds <= before + 300 + 20, "server sockets not closed: " + before + " open files before, " + withClientEnds + " now");
    } finally {
      sockets.forEach(RawWebSocket::close);
    }
    long after = openFiles();
    assertTrue(after <= before + 20, "open files " + before + " before, " + after + " after");
    // and their places are given back
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.send("who");
      ann.expect("[" + ann.addr() + "]ann:online");
    }
  }

  @Test
  void aBurstOfRefusedFramesIsLoggedOnceAndTheSocketIsClosed(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger chat = (Logger) LoggerFactory.getLogger("dev.vchat");
    Level level = chat.getLevel();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    try (TestUser bob = TestUser.join(server.port(), "bob"); BridgeClient eve = BridgeClient.join(vertx, server.webPort())) {
      String eveAddr = bob.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      chat.setLevel(Level.INFO); // the refusals are INFO lines
      log.start();
      root.addAppender(log);

      eve.send(Addresses.BROADCAST, new JsonObject().put("text", "once")).expectRefusal();
      eve.say("fine").awaitLine("[" + eveAddr + "]" + eveAddr + ":fine"); // ends that streak
      String refused = new JsonObject().put("type", "send").put("address", Addresses.BROADCAST).put("headers", new JsonObject())
        .put("body", new JsonObject().put("type", "chat").put("sid", UUID.randomUUID().toString()).put("text", "fake")).encode();
      int written = eve.blast(refused, 50_000);
      eve.awaitClosed();
      bob.awaitLine("[" + eveAddr + "]" + eveAddr + ":offline");

      root.detachAppender(log);
      List<String> lines = log.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()).toList();
      assertTrue(lines.size() <= 6, written + " frames written, " + lines.size() + " log lines: " + lines);
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN") && l.contains("100 frames refused in a row")
        && l.contains("127.0.0.1")), lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.contains("bridge refused send on chat.broadcast by browser")), lines.toString());
    } finally {
      root.detachAppender(log);
      chat.setLevel(level);
    }
  }

  @Test
  void refusedFramesBetweenGoodOnesDoNotCloseTheSocket(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob"); BridgeClient eve = BridgeClient.join(vertx, server.webPort())) {
      bob.awaitLine(l -> l.endsWith(":online"));
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < RefusedFrames.CLOSE_AFTER - 1; i++) {
          eve.publish(Addresses.BROADCAST, new JsonObject());
        }
        String line = "round " + round;
        eve.say(line);
        bob.awaitLine(l -> l.endsWith(":" + line)); // the streak ended; no close
      }
      assertTrue(!eve.isClosed());
    }
  }

  /**
   * Frames the bridge refuses before the chat sees them (an unknown type above all) would each
   * write an ERROR of the bridge's own: the shipped logback.xml turns that logger off.
   */
  @Test
  void theShippedLogConfigSilencesTheBridgesPerFrameErrors() throws Exception {
    ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
    try {
      ch.qos.logback.classic.joran.JoranConfigurator configurator = new ch.qos.logback.classic.joran.JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
      assertTrue(!context.getLogger("io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl").isErrorEnabled());
      assertTrue(context.getLogger(RefusedFrames.class).isInfoEnabled());
    } finally {
      context.stop();
    }
  }

  private static long openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
