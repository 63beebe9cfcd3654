package dev.vchat.tcp;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One off-heap copy written to several sockets: each reader gets every byte, and the copy is
 * freed once the last socket is done with it, also when a socket closed before its write went
 * out (no leak, no early free).
 */
class SharedLinesTest {

  private static final int BYTES = 1 << 20;

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void everySocketGetsTheBytesAndTheCopyIsFreedAfterTheLastWrite() throws Exception {
    List<NetSocket> accepted = new CopyOnWriteArrayList<>();
    CountDownLatch three = new CountDownLatch(3);
    NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
      .connectHandler(socket -> {
        DirectWrites.apply(socket);
        accepted.add(socket);
        three.countDown();
      });
    server.listen().await(10, TimeUnit.SECONDS);
    byte[] bytes = new byte[BYTES];
    for (int i = 0; i < BYTES; i++) {
      bytes[i] = (byte) (i * 7);
    }

    try (Socket first = new Socket("127.0.0.1", server.actualPort());
         Socket second = new Socket("127.0.0.1", server.actualPort());
         Socket gone = new Socket("127.0.0.1", server.actualPort())) {
      assertTrue(three.await(10, TimeUnit.SECONDS));
      gone.setSoLinger(true, 0);
      gone.close(); // reset: the server's write to it fails, and must give its slice back

      CompletableFuture<ByteBuf> copy = new CompletableFuture<>();
      vertx.runOnContext(v -> {
        try (SharedLines lines = new SharedLines(Buffer.buffer(bytes))) {
          for (NetSocket socket : accepted) {
            NetSocketInternal internal = (NetSocketInternal) socket;
            ByteBuf slice = lines.slice(internal.channelHandlerContext().alloc(), 0);
            copy.complete(slice.unwrap());
            internal.writeMessage(slice);
          }
        }
      });
      ByteBuf offHeap = copy.get(10, TimeUnit.SECONDS);

      for (Socket reader : List.of(first, second)) {
        byte[] received = new byte[BYTES];
        new DataInputStream(reader.getInputStream()).readFully(received);
        assertArrayEquals(bytes, received);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (offHeap.refCnt() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(0, offHeap.refCnt(), "the off-heap copy is released once every socket is done");
    }
  }

  @Test
  void aSocketWrittenSomeRangesGetsExactlyThoseBytes() throws Exception {
    CompletableFuture<NetSocket> accepted = new CompletableFuture<>();
    NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
      .connectHandler(socket -> {
        DirectWrites.apply(socket);
        accepted.complete(socket);
      });
    server.listen().await(10, TimeUnit.SECONDS);
    byte[] bytes = "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (Socket reader = new Socket("127.0.0.1", server.actualPort())) {
      NetSocket socket = accepted.get(10, TimeUnit.SECONDS);
      CompletableFuture<ByteBuf> copy = new CompletableFuture<>();
      vertx.runOnContext(v -> {
        try (SharedLines lines = new SharedLines(Buffer.buffer(bytes))) {
          assertEquals(9, lines.writeTo(socket, new int[] {0, 3, 10, 14, 18, 20}));
          copy.complete(lines.slice(((NetSocketInternal) socket).channelHandlerContext().alloc(), 0));
        }
      });
      ByteBuf offHeap = copy.get(10, TimeUnit.SECONDS);
      byte[] received = new byte[9];
      new DataInputStream(reader.getInputStream()).readFully(received);
      assertEquals("012abcdij", new String(received, java.nio.charset.StandardCharsets.US_ASCII));
      offHeap.release(); // this test's own slice
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (offHeap.refCnt() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(0, offHeap.refCnt(), "the copy is released once the write is done");
    }
  }
}
