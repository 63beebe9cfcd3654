package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.vchat.support.KernelSockets;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user that never reads is dropped with a reset; the others lose nothing and are not held up. */
@ExtendWith(VertxExtension.class)
class SlowReaderTest {

  private static final int LINES_PER_ROUND = 10_000;

  @Test
  void aReaderThatStopsReadingIsDisconnectedAndOthersCarryOn(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("writeQueueBytes", 65536)
      .put("slowReaderGraceMillis", 300));
    try (TestUser observer = TestUser.join(server.port(), "observer");
         TestUser talker = TestUser.join(server.port(), "talker");
         Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
      String slowAddr = "127.0.0.1:" + slow.getLocalPort();
      observer.awaitLine("[" + slowAddr + "]" + slowAddr + ":online");

      // rounds of 2 MB until the slow reader's kernel buffers and write queue overflow; how much
      // the kernel takes first varies (receive buffers autotune up to tens of MB), hence rounds
      String payload = "x".repeat(200);
      String prefix = "[" + talker.addr() + "]talker:";
      String slowLeaves = "[" + slowAddr + "]" + slowAddr + ":offline";
      boolean slowLeft = false;
      int sent = 0;
      for (int round = 0; round < 20 && !slowLeft; round++) {
        StringBuilder burst = new StringBuilder();
        for (int i = sent; i < sent + LINES_PER_ROUND; i++) {
          burst.append(i).append(payload).append('\n');
        }
        talker.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = sent; i < sent + LINES_PER_ROUND; i++) {
          String line = observer.nextLine();
          if (line.equals(slowLeaves)) {
            slowLeft = true;
            line = observer.nextLine();
          }
          assertEquals(prefix + i + payload, line, "the observer loses nothing");
        }
        sent += LINES_PER_ROUND;
      }
      if (!slowLeft) {
        observer.awaitLine(slowLeaves);
      }
      talker.send("after");
      observer.awaitLine(prefix + "after");

      // reset, not a graceful close: the server's socket and its queue are gone at once, and the
      // reader learns it was cut off as soon as it reads (a graceful close would leave it waiting
      // behind megabytes nobody will send)
      assertTrue(KernelSockets.find(server.port(), slow.getLocalPort()).isEmpty(),
        "the server's end is freed: " + KernelSockets.find(server.port(), slow.getLocalPort()));
      slow.setSoTimeout(5_000);
      SocketException end = assertThrows(SocketException.class, () -> drain(slow.getInputStream()));
      assertTrue(end.getMessage().contains("reset"), end.getMessage());
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[65536];
    while (in.read(buffer) >= 0) {
      // what the kernel still had for it before the reset
    }
  }
}
