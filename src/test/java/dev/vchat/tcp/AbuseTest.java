package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Garbage and abuse on the chat port: the server stays up, the abuser gets at most an error, and
 * the other users see nothing of it but its online/offline notices (and, for lines of random
 * bytes that happen to be text, chat lines stripped of control characters).
 */
@ExtendWith(VertxExtension.class)
class AbuseTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  /** Lines that are not from {@code addr} (online/offline notices and chat of the abuser). */
  private static Predicate<String> notFrom(String addr) {
    return line -> !line.startsWith("[" + addr + "]");
  }

  @Test
  void randomBytesNeitherCrashNorLeakControlCharacters(Vertx vertx) {
    long seed = System.nanoTime();
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser mallory = TestUser.join(server.port())) {
      byte[] garbage = new byte[256 * 1024];
      new Random(seed).nextBytes(garbage);
      mallory.sendRaw(garbage);
      mallory.send("");
      mallory.send("done");
      String done = ann.awaitLine(l -> l.equals("[" + mallory.addr() + "]" + mallory.addr() + ":done"));
      for (String line : ann.linesWithin(QUIET)) {
        assertFalse(line.chars().anyMatch(c -> c < 0x20 && c != '\t'), "seed " + seed + ": control character in " + line);
      }
      ann.send("fine");
      ann.awaitLine("[" + ann.addr() + "]ann:fine");
      assertTrue(done.endsWith(":done"));
    }
  }

  @Test
  void aNeverEndingLineGetsOneErrorAndTheConnectionStaysUsable(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("maxLineBytes", 1024));
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser mallory = TestUser.join(server.port())) {
      ann.awaitLine("[" + mallory.addr() + "]" + mallory.addr() + ":online");
      byte[] chunk = "y".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 64; i++) { // 4 MiB, no LF
        mallory.sendRaw(chunk);
      }
      mallory.expect("error: line too long (over 1024 bytes), not delivered");
      assertEquals(List.of(), mallory.linesWithin(QUIET), "one error for one line, however long");
      mallory.send(" the end of the long line, dropped with it");
      mallory.send("and now a short one");
      mallory.expect("[" + mallory.addr() + "]" + mallory.addr() + ":and now a short one");
      ann.expect("[" + mallory.addr() + "]" + mallory.addr() + ":and now a short one");
      assertEquals(List.of(), ann.linesWithin(QUIET));
    }
  }

  @Test
  void halfOpenAndHalfClosedConnectionsHoldNobodyUp(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob");
         Socket silent = new Socket("127.0.0.1", server.port());
         Socket stalled = new Socket("127.0.0.1", server.port());
         Socket halfClosed = new Socket("127.0.0.1", server.port())) {
      String halfClosedAddr = "127.0.0.1:" + halfClosed.getLocalPort();
      ann.awaitLine("[" + halfClosedAddr + "]" + halfClosedAddr + ":online");
      // half a line, never finished; a socket that says nothing and reads nothing
      stalled.getOutputStream().write("half a li".getBytes(StandardCharsets.UTF_8));
      stalled.getOutputStream().flush();
      // a last line, then FIN: the line counts, then the user leaves
      halfClosed.getOutputStream().write("parting words".getBytes(StandardCharsets.UTF_8));
      halfClosed.shutdownOutput();
      ann.awaitLine("[" + halfClosedAddr + "]" + halfClosedAddr + ":parting words");
      ann.awaitLine("[" + halfClosedAddr + "]" + halfClosedAddr + ":offline");

      bob.awaitLine(l -> l.equals("[" + halfClosedAddr + "]" + halfClosedAddr + ":offline"));
      ann.send("hi bob");
      bob.expect("[" + ann.addr() + "]ann:hi bob");
      bob.send("to ann hi ann");
      ann.awaitLine("bob to you: hi ann");
      assertTrue(silent.isConnected());
    }
  }

  @Test
  void httpSpokenToTheChatPortIsAnsweredWithAnErrorAndClosed(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      for (int i = 0; i < 5; i++) {
        try (TestUser curl = TestUser.connect(server.port())) {
          curl.sendRaw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          String last = curl.awaitLine(l -> l.startsWith("error: "));
          assertEquals("error: this is the chat port, not HTTP; the browser chat is on the web port", last);
          curl.awaitClosed();
          List<String> seen = ann.linesWithin(QUIET);
          String curlAddr = curl.addr();
          assertEquals(List.of(), seen.stream().filter(notFrom(curlAddr)).toList());
          assertTrue(seen.stream().noneMatch(l -> l.contains("HTTP/1.1") || l.contains("User-Agent")), seen.toString());
        }
      }
      ann.send("still up");
      ann.expect("[" + ann.addr() + "]ann:still up");
    }
  }

  /**
   * Thirty connections send random bytes (bounded, fixed seed printed on failure) while two
   * normal users chat: neither loses a line or sees one out of order, and the server answers
   * afterwards. Loopback only, real flood limits.
   */
  @Test
  void randomBytesFromManyConnectionsCostTheNormalUsersNothing(Vertx vertx) throws Exception {
    long seed = Long.getLong("vchat.fuzz.seed", System.currentTimeMillis());
    String why = "seed " + seed + " (rerun with -Dvchat.fuzz.seed=" + seed + ")";
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("instances", 2)
      .put("floodMessagesPerSecond", 20).put("floodBurst", 60)
      .put("floodKickRefusals", 100).put("floodKickWindowSeconds", 10)
      .put("maxLineBytes", 512));
    Random random = new Random(seed);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      List<Thread> abusers = new ArrayList<>();
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        byte[] bytes = new byte[1 + random.nextInt(16 * 1024)];
        random.nextBytes(bytes);
        int chunk = 1 + random.nextInt(2048);
        boolean reads = random.nextBoolean();
        Socket socket = new Socket("127.0.0.1", server.port());
        sockets.add(socket);
        Thread thread = new Thread(() -> abuse(socket, bytes, chunk, reads), "abuser-" + i);
        thread.setDaemon(true);
        abusers.add(thread);
      }
      abusers.forEach(Thread::start);
      int count = 40;
      for (int i = 0; i < count; i++) {
        ann.send("a" + i);
        bob.send("b" + i);
      }
      assertInOrder(ann, "[" + bob.addr() + "]bob:b", count, why);
      assertInOrder(bob, "[" + ann.addr() + "]ann:a", count, why);
      for (Thread thread : abusers) {
        thread.join(10_000);
      }
      for (Socket socket : sockets) {
        socket.close();
      }
      ann.send("who");
      ann.awaitLine("[" + bob.addr() + "]bob:online");
      bob.send("after the storm");
      ann.awaitLine("[" + bob.addr() + "]bob:after the storm");
    }
  }

  private static void abuse(Socket socket, byte[] bytes, int chunk, boolean reads) {
    try {
      if (reads) {
        Thread drain = new Thread(() -> {
          try {
            socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
          } catch (Exception ignored) {
            // closed
          }
        });
        drain.setDaemon(true);
        drain.start();
      }
      for (int i = 0; i < bytes.length; i += chunk) {
        socket.getOutputStream().write(bytes, i, Math.min(chunk, bytes.length - i));
        socket.getOutputStream().flush();
      }
    } catch (Exception ignored) {
      // the server may hang up on an abuser (flooding); that is fine
    }
  }

  /** Every line {@code prefix + 0 .. count-1} arrives, in order; lines of others in between are skipped. */
  private static void assertInOrder(TestUser user, String prefix, int count, String why) {
    for (int i = 0; i < count; i++) {
      String expected = prefix + i;
      String line = user.awaitLine(l -> l.startsWith(prefix) || l.equals(expected));
      assertEquals(expected, line, why);
    }
  }
}
