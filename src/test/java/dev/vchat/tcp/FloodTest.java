package dev.vchat.tcp;

import dev.vchat.config.NetTransport;
import dev.vchat.support.ChatServer;
import dev.vchat.support.KernelSockets;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flood control on TCP delays: lines over the rate wait for their token and arrive whole, in
 * order, late; the server stops reading the flooder meanwhile; nobody is refused or kicked for
 * speed alone.
 */
@ExtendWith(VertxExtension.class)
class FloodTest {

  /** Ten lines a second, five at once. */
  private static JsonObject tight() {
    return new JsonObject()
      .put("floodMessagesPerSecond", 10)
      .put("floodBurst", 5)
      .put("floodKickRefusals", 3)
      .put("floodKickWindowSeconds", 60);
  }

  private static byte[] lines(String prefix, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(prefix).append(i).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPasteOverTheRateArrivesWholeInOrderAtTheRate(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, tight());
    try (TestUser observer = TestUser.join(server.port(), "observer");
         TestUser paster = TestUser.join(server.port(), "paster")) {
      observer.awaitLine("[" + paster.addr() + "]" + paster.addr() + ":is now paster");
      long start = System.nanoTime();
      paster.sendRaw(lines("p", 25));
      String prefix = "[" + paster.addr() + "]paster:p";
      for (int i = 0; i < 25; i++) {
        observer.expect(prefix + i);
      }
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      // 5 at once, then 20 at 10 a second: the last one is due after 2 s
      assertTrue(millis >= 1800, "the excess waited for its tokens: " + millis + " ms");
      for (int i = 0; i < 25; i++) {
        paster.expect(prefix + i); // its own lines, no refusal among them
      }
      paster.send("still here");
      observer.expect("[" + paster.addr() + "]paster:still here");
      assertEquals(List.of(), observer.linesWithin(Duration.ofMillis(300)));
    }
  }

  @Test
  void commandsWaitInLineWithTheChatBeforeThem(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, tight());
    try (TestUser paster = TestUser.join(server.port(), "paster")) {
      paster.sendRaw((new String(lines("c", 8), StandardCharsets.UTF_8) + "who\nrename pasta\nquit\n")
        .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 8; i++) {
        paster.expect("[" + paster.addr() + "]paster:c" + i);
      }
      paster.expect("[" + paster.addr() + "]paster:online");
      paster.expect("renamed to: pasta");
      paster.expect("bye");
      paster.expectClosed();
    }
  }

  @Test
  void theServerStopsReadingAFlooderAndWhatWaitsStaysInTheKernel(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, tight());
    try (TestUser observer = TestUser.join(server.port(), "observer");
         TestUser flooder = TestUser.join(server.port(), "flooder")) {
      int flooderPort = Integer.parseInt(flooder.addr().substring(flooder.addr().lastIndexOf(':') + 1));
      byte[] paste = lines("x".repeat(100), 20_000); // 2 MB, far more than a few reads
      flooder.sendRaw(paste);
      for (int i = 0; i < 15; i++) {
        observer.awaitLine(line -> line.startsWith("[" + flooder.addr() + "]flooder:"));
      }
      KernelSockets.Entry serverSide = KernelSockets.find(server.port(), flooderPort).orElseThrow();
      KernelSockets.Entry clientSide = KernelSockets.find(flooderPort, server.port()).orElseThrow();
      long unread = serverSide.receiveQueue() + clientSide.sendQueue();
      assertTrue(unread > paste.length / 2,
        "most of the paste waits in the kernel, unread: " + unread + " of " + paste.length + " bytes");

      observer.send("others carry on");
      observer.awaitLine("[" + observer.addr() + "]observer:others carry on");
      assertTrue(flooder.closedByServer() == false, "the flooder stays connected");
    }
  }

  @Test
  void aBlankLineCostsNoTokenAndALongLineWaitsItsTurn(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, tight().put("maxLineBytes", 64));
    try (TestUser paster = TestUser.join(server.port(), "paster")) {
      String blanks = "\n".repeat(50);
      paster.sendRaw((blanks + new String(lines("b", 6), StandardCharsets.UTF_8) + "y".repeat(100) + "\nlast\n")
        .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 6; i++) {
        paster.expect("[" + paster.addr() + "]paster:b" + i);
      }
      paster.expect("error: line too long (over 64 bytes), not delivered");
      paster.expect("[" + paster.addr() + "]paster:last");
    }
  }

  /**
   * {@code nc -N < file}: the paste, then the end of input at once. Each transport meets the FIN
   * in its own way (epoll reads to the end of the stream when it sees one), and none may lose
   * the tail that waits.
   */
  @ParameterizedTest
  @EnumSource(names = {"NIO", "EPOLL", "IO_URING"})
  void aPasteFollowedByEndOfInputArrivesWhole(NetTransport transport) throws Exception {
    Vertx vertx = Vertx.builder().withTransport(transport.resolve()).build();
    try {
      ChatServer server = ChatServer.start(vertx, tight());
      try (TestUser observer = TestUser.join(server.port(), "observer");
           Socket paster = new Socket("127.0.0.1", server.port())) {
        String addr = "127.0.0.1:" + paster.getLocalPort();
        observer.awaitLine("[" + addr + "]" + addr + ":online");
        paster.getOutputStream().write(lines("y".repeat(100), 30)); // 3 KB: more than a first read
        paster.shutdownOutput();
        for (int i = 0; i < 30; i++) {
          observer.expect("[" + addr + "]" + addr + ":" + "y".repeat(100) + i);
        }
        observer.expect("[" + addr + "]" + addr + ":offline");
      }
    } finally {
      vertx.close().await();
    }
  }
}
