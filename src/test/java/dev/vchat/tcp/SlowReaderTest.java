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

  /**
   * A reader that reads, only slower than it is written to, is not one that stopped: with a
   * backlog above writeQueueBytes for many grace periods it is kept and gets every line.
   */
  @Test
  void aReaderThatReadsSlowlyButSteadilyIsKept(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("writeQueueBytes", 5 << 20)
      .put("slowReaderGraceMillis", 4000));
    try (TestUser observer = TestUser.join(server.port(), "observer");
         TestUser talker = TestUser.join(server.port(), "talker");
         Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
      String slowAddr = "127.0.0.1:" + slow.getLocalPort();
      observer.awaitLine("[" + slowAddr + "]" + slowAddr + ":online");
      InputStream in = slow.getInputStream();
      slow.setSoTimeout(10_000);

      // ~23 MB to it at once (100,000 lines of ~230 B): the kernel takes up to ~4 MB (the server's
      // send buffer grows to that on loopback), so the server's own queue holds 19 - 23 MB, over
      // writeQueueBytes and below the hard limit (5 x writeQueueBytes). Reading ~2 MB/s (4 KB, its
      // receive buffer, every 2 ms), the reader would need 8 s or more to bring that queue under
      // half of writeQueueBytes (a drain): twice the grace period. The server sees its progress
      // whenever the kernel's buffer has room again, every 2 MB read at most: ~1 s
      int lines = 100_000;
      String payload = "y".repeat(200);
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < lines; i++) {
        burst.append(i).append(payload).append('\n');
      }
      talker.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));

      String prefix = "[" + talker.addr() + "]talker:";
      java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
        new ThrottledInput(in, 4096, 2), StandardCharsets.UTF_8));
      int next = 0;
      while (next < lines) {
        String line = reader.readLine();
        if (line == null) {
          throw new AssertionError("the slow reader was cut off after " + next + " of " + lines + " lines");
        }
        if (line.startsWith(prefix)) {
          assertEquals(prefix + next + payload, line);
          next++;
        }
      }
      talker.send("after");
      observer.awaitLine(prefix + "after");
      assertTrue(observer.linesWithin(java.time.Duration.ofMillis(300)).stream()
        .noneMatch(line -> line.equals("[" + slowAddr + "]" + slowAddr + ":offline")), "the slow reader stayed");
    }
  }

  /** Reads at most {@code chunk} bytes, then pauses {@code pauseMillis}: a reader slower than the server. */
  private static final class ThrottledInput extends java.io.FilterInputStream {
    private final int chunk;
    private final long pauseMillis;

    ThrottledInput(InputStream in, int chunk, long pauseMillis) {
      super(in);
      this.chunk = chunk;
      this.pauseMillis = pauseMillis;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      return super.read(buffer, offset, Math.min(length, chunk));
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[65536];
    while (in.read(buffer) >= 0) {
      // what the kernel still had for it before the reset
    }
  }
}
