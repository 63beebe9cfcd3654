package dev.vchat.tcp;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.core.Broadcast;
import dev.vchat.core.ChatRoom;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The chat on a TCP port. Deploy one instance per core: they share the port, and each has its
 * own connections and its own broadcast consumer, on its own event loop.
 */
public final class TcpChatVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(TcpChatVerticle.class);

  /** Shutdown waits this long at most for users to be told and to leave. */
  private static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  private NetServer server;
  private TcpFanout fanout;

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    return ChatRoom.open(vertx, config).compose(room -> {
      fanout = new TcpFanout(room.catalogue());
      MessageConsumer<Broadcast> broadcasts = vertx.eventBus().consumer(Addresses.BROADCAST, fanout);
      server = vertx.createNetServer(new NetServerOptions()
          .setHost(config.host())
          .setPort(config.port())
          .setTcpNoDelay(true))
        .connectHandler(socket -> new TcpConnection(socket, room, fanout).start());
      return broadcasts.completion().compose(v -> server.listen());
    }).onSuccess(s -> log.debug("TCP chat instance listening on {}:{}", config.host(), s.actualPort()));
  }

  /** Stops accepting, tells every user, and waits (bounded) until they have left. */
  @Override
  public Future<?> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    return server.close().compose(v -> {
      List<Future<Void>> leaving = fanout.connections().stream().map(TcpConnection::shutdown).toList();
      Promise<Void> done = Promise.promise();
      long timer = vertx.setTimer(SHUTDOWN_WAIT_MILLIS, id -> done.tryComplete());
      Future.join(leaving).onComplete(ar -> {
        vertx.cancelTimer(timer);
        done.tryComplete();
      });
      return done.future();
    });
  }
}
