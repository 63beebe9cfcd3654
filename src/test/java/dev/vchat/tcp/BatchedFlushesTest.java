package dev.vchat.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Private messages queued on a recipient's event loop one task each go out in one flush, in order,
 * and a held flush is always released: a lone line arrives, and a close sends what was held.
 * Real sockets; the flushes are counted at the head of the server socket's pipeline.
 */
class BatchedFlushesTest {

  private static final int LINES = 100;

  private Vertx vertx;
  private NetServer server;
  private final CompletableFuture<NetSocket> accepted = new CompletableFuture<>();
  /** The accepted socket's event loop. */
  private volatile Context loop;
  private final AtomicInteger flushes = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
      .connectHandler(socket -> {
        DirectWrites.apply(socket);
        ((NetSocketInternal) socket).channelHandlerContext().pipeline().addFirst("count-flushes", new ChannelOutboundHandlerAdapter() {
          @Override
          public void flush(ChannelHandlerContext ctx) {
            flushes.incrementAndGet();
            ctx.flush();
          }
        });
        loop = Vertx.currentContext();
        accepted.complete(socket);
      });
    server.listen().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void linesQueuedOneTaskEachGoOutInOrderInOneFlush() throws Exception {
    try (Socket client = new Socket("127.0.0.1", server.actualPort())) {
      NetSocket socket = accepted.get(10, TimeUnit.SECONDS);
      // as hand-overs arrive: each its own task on the recipient's event loop, all queued at once
      loop.runOnContext(v -> {
        for (int i = 0; i < LINES; i++) {
          int line = i;
          loop.runOnContext(w -> {
            BatchedFlushes.holdUntilQueuedTasksRan(socket);
            socket.write(Buffer.buffer("line " + line + "\n"));
          });
        }
      });
      BufferedReader in = reader(client);
      for (int i = 0; i < LINES; i++) {
        assertEquals("line " + i, in.readLine());
      }
      assertEquals(1, flushes.get(), "the 100 lines went out in one flush");
    }
  }

  @Test
  void aLoneHeldLineIsFlushedAtOnce() throws Exception {
    try (Socket client = new Socket("127.0.0.1", server.actualPort())) {
      client.setSoTimeout(5_000);
      NetSocket socket = accepted.get(10, TimeUnit.SECONDS);
      loop.runOnContext(v -> {
        BatchedFlushes.holdUntilQueuedTasksRan(socket);
        socket.write(Buffer.buffer("alone\n"));
      });
      assertEquals("alone", reader(client).readLine());
    }
  }

  @Test
  void aCloseSendsWhatWasHeldFirst() throws Exception {
    try (Socket client = new Socket("127.0.0.1", server.actualPort())) {
      client.setSoTimeout(5_000);
      NetSocket socket = accepted.get(10, TimeUnit.SECONDS);
      loop.runOnContext(v -> {
        BatchedFlushes.holdUntilQueuedTasksRan(socket);
        socket.write(Buffer.buffer("last words\n"));
        ((NetSocketInternal) socket).channelHandlerContext().close();
      });
      BufferedReader in = reader(client);
      assertEquals("last words", in.readLine());
      assertNull(in.readLine(), "then the end of the stream");
      assertTrue(flushes.get() >= 1);
    }
  }

  private static BufferedReader reader(Socket client) throws Exception {
    return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
  }
}
