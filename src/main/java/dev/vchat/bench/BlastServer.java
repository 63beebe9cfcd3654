package dev.vchat.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench --blast-server}: the cheapest fan-out there is, to measure the bench against.
 * No names, no commands, no join notices: each chunk of whole lines read from any connection
 * is prefixed once, as one pre-encoded buffer, and written once to every connection (one write
 * per connection per chunk), on each connection's own event loop. Loopback only, bounded in time.
 */
final class BlastServer {

  private static final byte[] PREFIX = "[blast]blast:".getBytes(StandardCharsets.UTF_8);

  private BlastServer() {
  }

  static int run(String host, int port, int seconds) throws InterruptedException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    List<Loop> loops = new CopyOnWriteArrayList<>();
    int instances = Runtime.getRuntime().availableProcessors();
    vertx.deployVerticle(() -> new Loop(loops, host, port), new DeploymentOptions().setInstances(instances)).await();
    System.out.println("blast server on " + host + ":" + port + " for " + seconds + " s");
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    vertx.close().await();
    return 0;
  }

  /** One event loop's connections. */
  private static final class Loop extends VerticleBase {
    private final List<Loop> loops;
    private final String host;
    private final int port;
    private final List<NetSocket> sockets = new ArrayList<>();
    private Context loopContext;
    private NetServer server;

    Loop(List<Loop> loops, String host, int port) {
      this.loops = loops;
      this.host = host;
      this.port = port;
    }

    @Override
    public Future<?> start() {
      loopContext = context;
      loops.add(this);
      server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
        .connectHandler(this::accept);
      return server.listen();
    }

    private void accept(NetSocket socket) {
      sockets.add(socket);
      Buffer[] carry = {Buffer.buffer()};
      socket.closeHandler(v -> sockets.remove(socket));
      socket.handler(data -> {
        Buffer in = carry[0].length() == 0 ? data : carry[0].appendBuffer(data);
        Buffer out = Buffer.buffer(in.length() + 64 * PREFIX.length);
        int start = 0;
        for (int i = 0; i < in.length(); i++) {
          if (in.getByte(i) == '\n') {
            out.appendBytes(PREFIX).appendBuffer(in, start, i + 1 - start);
            start = i + 1;
          }
        }
        carry[0] = start < in.length() ? in.getBuffer(start, in.length()).copy() : Buffer.buffer();
        if (out.length() > 0) {
          for (Loop loop : loops) {
            if (loop == this) {
              writeAll(out);
            } else {
              loop.loopContext.runOnContext(v -> loop.writeAll(out));
            }
          }
        }
      });
    }

    private void writeAll(Buffer out) {
      for (NetSocket socket : sockets) {
        socket.write(out);
      }
    }
  }
}
