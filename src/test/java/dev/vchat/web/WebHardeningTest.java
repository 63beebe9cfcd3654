package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hardening rules for browser users: flood control, the shutdown line, abuse of the web port. */
@ExtendWith(VertxExtension.class)
class WebHardeningTest {

  @Test
  void aBrowserFlooderIsRefusedThenKickedAndTcpUsersSeeOnlyWhatPassed(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject()
      .put("floodMessagesPerSecond", 1).put("floodBurst", 3)
      .put("floodKickRefusals", 5).put("floodKickWindowSeconds", 60));
    try (TestUser bob = TestUser.join(server.port(), "bob");
         BridgeClient eve = BridgeClient.join(vertx, server.webPort())) {
      String eveAddr = bob.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        text.append("spam").append(i).append('\n');
      }
      eve.say(text.toString());
      for (int i = 0; i < 3; i++) {
        eve.awaitLine("[" + eveAddr + "]" + eveAddr + ":spam" + i);
        bob.expect("[" + eveAddr + "]" + eveAddr + ":spam" + i);
      }
      eve.awaitLine("error: too many lines, slow down; not delivered");
      eve.awaitLine("kicked: flooding");
      bob.expect("[" + eveAddr + "]" + eveAddr + ":offline");
      assertEquals(List.of(), bob.linesWithin(Duration.ofMillis(300)));
    }
  }

  /**
   * Browser and TCP users count together against the connection limits: a browser over them is
   * told why and hung up, nobody sees it come or go, and its place is free again once a user
   * leaves.
   */
  @Test
  void browsersAndTcpUsersShareTheConnectionLimits(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("maxConnectionsPerIp", 2).put("maxConnections", 3));
    try (TestUser ann = TestUser.join(server.port(), "ann");
         BridgeClient bea = BridgeClient.join(vertx, server.webPort())) {
      String beaAddr = ann.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      try (BridgeClient eve = BridgeClient.attempt(vertx, server.webPort())) {
        eve.awaitLine("error: too many connections from your address");
        eve.awaitClosed();
      }
      try (TestUser tom = TestUser.connect(server.port())) {
        tom.expect("error: too many connections from your address");
        tom.expectClosed();
      }
      assertEquals(List.of(), ann.linesWithin(Duration.ofMillis(300)), "nobody saw the refused ones");

      // from another address: the total (3) has room for one more, then not
      try (TestUser cid = TestUser.connectFrom("127.0.0.2", server.port())) {
        cid.awaitLine(l -> l.endsWith(":online"));
        try (TestUser dan = TestUser.connectFrom("127.0.0.3", server.port())) {
          dan.expect("error: server full, try again later");
        }
      }

      bea.say("quit");
      ann.awaitLine("[" + beaAddr + "]" + beaAddr + ":offline");
      bea.awaitClosed(); // the place is given back when the socket closes
      try (BridgeClient eve = BridgeClient.join(vertx, server.webPort())) {
        eve.say("who").awaitLine("[" + ann.addr() + "]ann:online");
      }
    }
  }

  @Test
  void aBrowserThatStopsReadingIsDroppedAndOthersLoseNothing(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("slowReaderGraceMillis", 300));
    List<TestUser> talkers = new java.util.ArrayList<>();
    try (TestUser observer = TestUser.join(server.port(), "observer");
         BridgeClient slow = BridgeClient.join(vertx, server.webPort(),
           new io.vertx.core.http.WebSocketClientOptions().setReceiveBufferSize(4096))) {
      String slowAddr = observer.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      for (int t = 0; t < 8; t++) {
        talkers.add(TestUser.join(server.port(), "talker" + t));
      }
      slow.pause();
      // each talker's own echo stays small; the browser is sent everything, far more than the socket buffers hold
      String payload = "x".repeat(200);
      int lines = 3000;
      for (TestUser talker : talkers) {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < lines; i++) {
          burst.append(i).append(payload).append('\n');
        }
        talker.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
      }
      java.util.Map<String, Integer> next = new java.util.HashMap<>();
      boolean slowLeft = false;
      int expected = talkers.size() * lines;
      for (int seen = 0; seen < expected; ) {
        String line = observer.nextLine();
        if (line.equals("[" + slowAddr + "]" + slowAddr + ":offline")) {
          slowLeft = true;
          continue;
        }
        if (!line.contains(":talker") && !line.matches("^\\[[^]]*\\]talker\\d:.*")) {
          continue; // renames and online notices of the talkers
        }
        String who = line.substring(0, line.indexOf(':', line.indexOf(']')) + 1);
        int i = next.getOrDefault(who, 0);
        assertEquals(who + i + payload, line, "lines of one talker arrive all and in order");
        next.put(who, i + 1);
        seen++;
      }
      if (!slowLeft) {
        observer.awaitLine("[" + slowAddr + "]" + slowAddr + ":offline");
      }
    } finally {
      talkers.forEach(TestUser::close);
    }
  }

  @Test
  void browserUsersAreToldWhenTheServerGoesDown(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (BridgeClient ann = BridgeClient.join(vertx, server.webPort());
         TestUser bob = TestUser.join(server.port(), "bob")) {
      server.stop();
      JsonObject last = ann.awaitLine("server: shutting down, bye");
      assertEquals("shutdown", last.getString("type"));
      bob.awaitLine("server: shutting down, bye");
      bob.expectClosed();
    }
  }

  @Test
  void chatSpokenToTheWebPortIsRefusedAndNobodyNotices(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser ann = TestUser.join(server.port(), "ann");
         BridgeClient web = BridgeClient.join(vertx, server.webPort())) {
      ann.awaitLine(l -> l.endsWith(":online"));
      for (String garbage : List.of("hello\nwho\nrename mallory\n", "\u0000\u0001\u00ff\r\n\r\n", "GET /eventbus/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n")) {
        try (Socket socket = new Socket("127.0.0.1", server.webPort())) {
          socket.setSoTimeout(10_000);
          OutputStream out = socket.getOutputStream();
          out.write(garbage.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          InputStream in = socket.getInputStream();
          byte[] answer = in.readNBytes(12);
          String head = new String(answer, StandardCharsets.ISO_8859_1);
          assertTrue(head.isEmpty() || head.startsWith("HTTP/1."), "not an HTTP answer: " + head);
        }
      }
      assertEquals(List.of(), ann.linesWithin(Duration.ofMillis(300)), "TCP users see nothing");
      ann.send("still here");
      ann.expect("[" + ann.addr() + "]ann:still here");
      web.awaitLine("[" + ann.addr() + "]ann:still here");
    }
  }
}
