package dev.vchat.tcp;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.core.ChatRoom;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat on a TCP port. Deploy one instance per core: they share the port, and each has its
 * own connections and its own broadcast consumer, on its own event loop.
 */
public final class TcpChatVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(TcpChatVerticle.class);

  private NetServer server;

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    return ChatRoom.open(vertx, config).compose(room -> {
      TcpFanout fanout = new TcpFanout(room.catalogue());
      MessageConsumer<JsonObject> broadcasts = vertx.eventBus().consumer(Addresses.BROADCAST, fanout);
      server = vertx.createNetServer(new NetServerOptions()
          .setHost(config.host())
          .setPort(config.port())
          .setTcpNoDelay(true))
        .connectHandler(socket -> new TcpConnection(socket, room, fanout).start());
      return broadcasts.completion().compose(v -> server.listen());
    }).onSuccess(s -> log.debug("TCP chat instance listening on {}:{}", config.host(), s.actualPort()));
  }

  public int actualPort() {
    return server.actualPort();
  }
}
