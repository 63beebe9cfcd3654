package dev.vchat.tcp;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.core.Broadcast;
import dev.vchat.core.ChatInstance;
import dev.vchat.core.ConnectionLimits;
import dev.vchat.core.ErrorCode;
import dev.vchat.metrics.ChatMetrics;
import dev.vchat.core.Events;
import dev.vchat.core.UserStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The chat on a TCP port. Deploy one instance per core: they share the port, and each has its
 * own connections and its own broadcast consumer, on its own event loop.
 */
public final class TcpChatVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(TcpChatVerticle.class);

  private final UserStore store;
  private NetServer server;
  private TcpFanout fanout;
  private volatile boolean stopping;

  public TcpChatVerticle() {
    this(UserStore.SHARED_DATA);
  }

  public TcpChatVerticle(UserStore store) {
    this.store = store;
  }

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    return ChatInstance.open(vertx, config, store).compose(chat -> {
      fanout = new TcpFanout(context, chat.catalogue(), ChatMetrics.of(vertx));
      ConnectionLimits limits = new ConnectionLimits(vertx, config);
      MessageConsumer<Broadcast> broadcasts = vertx.eventBus().consumer(Addresses.BROADCAST, fanout);
      server = vertx.createNetServer(serverOptions(config))
        .connectHandler(socket -> accept(socket, chat, limits));
      return broadcasts.completion().compose(v -> server.listen());
    }).onSuccess(s -> log.debug("TCP chat instance listening on {}:{}{}", config.host(), s.actualPort(),
      config.tlsEnabled() ? " (TLS)" : ""));
  }

  static NetServerOptions serverOptions(ChatConfig config) {
    NetServerOptions options = new NetServerOptions()
      .setHost(config.host())
      .setPort(config.port())
      .setTcpNoDelay(true);
    if (config.tlsEnabled()) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(config.tlsCertPath())
        .setKeyPath(config.tlsKeyPath()));
    }
    return options;
  }

  /** Admits a newcomer within the connection limits, or tells it why not and hangs up. */
  private void accept(NetSocket socket, ChatInstance chat, ConnectionLimits limits) {
    if (stopping) {
      socket.close();
      return;
    }
    DirectWrites.apply(socket);
    String ip = socket.remoteAddress().hostAddress();
    ErrorCode refused = limits.admit(ip, "a connection from " + socket.remoteAddress());
    if (refused == null) {
      new TcpConnection(socket, chat, fanout, () -> limits.release(ip)).start();
      return;
    }
    Buffer line = Buffer.buffer(chat.catalogue().line(Events.error(refused)));
    SocketEndings.refuse(vertx, socket, line);
  }

  /**
   * Tells every user, waits (bounded) until they have left and their sockets drained, then closes
   * the server. The server closes last: on a port shared by several instances, closing it closes
   * every connection at once, farewell or not. Newcomers meanwhile are turned away.
   */
  @Override
  public Future<?> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    stopping = true;
    List<Future<Void>> leaving = fanout.connections().stream().map(TcpConnection::shutdown).toList();
    return SocketEndings.allLeft(vertx, leaving).compose(v -> server.close());
  }

  /** The port this instance listens on (the configured one, or the one chosen for port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
