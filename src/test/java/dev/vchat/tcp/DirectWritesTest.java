package dev.vchat.tcp;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A socket made to write directly (no Vert.x outbound queue) still says when its reader lags
 * (writeQueueFull, then the drain handler) and delivers every byte in order: what SlowReaderGuard
 * and the fan-out rely on. Also fails when a Vert.x upgrade leaves the queue in place.
 */
class DirectWritesTest {

  private static final int CHUNK = 64 * 1024;
  private static final int CHUNKS = 64;

  private Vertx vertx;
  private NetServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aDirectSocketSignalsAFullQueueThenDrainsEveryByteInOrder() throws Exception {
    CompletableFuture<Boolean> direct = new CompletableFuture<>();
    CompletableFuture<Boolean> fullSeen = new CompletableFuture<>();
    CompletableFuture<Void> drained = new CompletableFuture<>();
    server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
      .connectHandler(socket -> {
        direct.complete(DirectWrites.apply(socket) && DirectWrites.isDirect(socket));
        socket.setWriteQueueMaxSize(256 * 1024);
        socket.drainHandler(v -> drained.complete(null));
        boolean full = false;
        for (int i = 0; i < CHUNKS; i++) {
          socket.write(chunk(i));
          full |= socket.writeQueueFull();
        }
        fullSeen.complete(full);
      });
    server.listen().await(10, TimeUnit.SECONDS);

    try (Socket client = new Socket("127.0.0.1", server.actualPort())) {
      assertTrue(direct.get(10, TimeUnit.SECONDS), "the socket writes without Vert.x's outbound queue");
      assertTrue(fullSeen.get(10, TimeUnit.SECONDS), "4 MB to a reader that reads nothing fills the queue");
      DataInputStream in = new DataInputStream(client.getInputStream());
      byte[] received = new byte[CHUNK];
      for (int i = 0; i < CHUNKS; i++) {
        in.readFully(received);
        assertArrayEquals(chunk(i).getBytes(), received, "chunk " + i);
      }
      drained.get(10, TimeUnit.SECONDS);
    }
  }

  private static Buffer chunk(int index) {
    byte[] bytes = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      bytes[i] = (byte) (index * 31 + i);
    }
    return Buffer.buffer(bytes);
  }
}
