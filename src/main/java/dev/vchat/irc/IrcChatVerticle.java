package dev.vchat.irc;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.core.Broadcast;
import dev.vchat.core.ChatInstance;
import dev.vchat.core.ConnectionLimits;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.UserStore;
import dev.vchat.metrics.ChatMetrics;
import dev.vchat.tcp.DirectWrites;
import dev.vchat.tcp.SocketEndings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The chat for IRC clients, on {@code ircPort}. Deployed like the TCP chat, one instance per
 * core sharing the port, each with its own connections and broadcast consumer.
 */
public final class IrcChatVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(IrcChatVerticle.class);

  private final UserStore store;
  private final IrcCommands commands = IrcCommands.standard();
  private NetServer server;
  /** IRC over TLS, when configured; else null. */
  private NetServer tlsServer;
  private IrcFanout fanout;
  private volatile boolean stopping;

  public IrcChatVerticle(UserStore store) {
    this.store = store;
  }

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    return ChatInstance.open(vertx, config, store).compose(chat -> {
      fanout = new IrcFanout(context, ChatMetrics.of(vertx));
      ConnectionLimits limits = new ConnectionLimits(vertx, config);
      MessageConsumer<Broadcast> broadcasts = vertx.eventBus().consumer(Addresses.BROADCAST, fanout);
      server = vertx.createNetServer(new NetServerOptions().setHost(config.host()).setPort(config.ircPort()).setTcpNoDelay(true))
        .connectHandler(socket -> accept(socket, chat, limits));
      if (config.ircTlsEnabled()) {
        tlsServer = vertx.createNetServer(new NetServerOptions().setHost(config.host()).setPort(config.ircTlsPort())
            .setTcpNoDelay(true).setSsl(true)
            .setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.tlsCertPath()).setKeyPath(config.tlsKeyPath())))
          .connectHandler(socket -> accept(socket, chat, limits));
      }
      return broadcasts.completion().compose(v -> server.listen())
        .compose(s -> tlsServer == null ? Future.succeededFuture(s) : tlsServer.listen());
    }).onSuccess(s -> log.debug("IRC instance listening on {}:{}{}", config.host(), config.ircPort(),
      config.ircTlsEnabled() ? " and " + config.ircTlsPort() + " (TLS)" : ""));
  }

  private void accept(NetSocket socket, ChatInstance chat, ConnectionLimits limits) {
    if (stopping) {
      socket.close();
      return;
    }
    DirectWrites.apply(socket);
    String ip = socket.remoteAddress().hostAddress();
    ErrorCode refused = limits.admit(ip, "an IRC connection from " + socket.remoteAddress());
    if (refused == null) {
      new IrcConnection(socket, chat, fanout, commands, () -> limits.release(ip)).start();
      return;
    }
    String text = chat.catalogue().render(Events.error(refused));
    Buffer line = Buffer.buffer((IrcMessage.formatText(null, "ERROR", text) + "\r\n").getBytes(StandardCharsets.UTF_8));
    SocketEndings.refuse(vertx, socket, line);
  }

  @Override
  public Future<?> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    stopping = true;
    List<Future<Void>> leaving = fanout.connections().stream().map(IrcConnection::shutdown).toList();
    return SocketEndings.allLeft(vertx, leaving).compose(v -> tlsServer == null ? Future.succeededFuture() : tlsServer.close())
      .compose(v -> server.close());
  }

  public int actualPort() {
    return server.actualPort();
  }
}
