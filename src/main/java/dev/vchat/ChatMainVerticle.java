package dev.vchat;

import dev.vchat.cluster.DepartedNodeSweeper;
import dev.vchat.cluster.PeerFlush;
import dev.vchat.config.ChatConfig;
import dev.vchat.config.NetTransport;
import dev.vchat.core.Names;
import dev.vchat.core.RecipientsFeed;
import dev.vchat.core.UserStore;
import dev.vchat.history.HistoryVerticle;
import dev.vchat.irc.IrcChatVerticle;
import dev.vchat.ops.NodeState;
import dev.vchat.tcp.TcpChatVerticle;
import dev.vchat.ops.OpsVerticle;
import dev.vchat.web.WebChatVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole server: validates the configuration, then deploys the transports it asks for: the
 * TCP chat (one instance per core by default) and, when {@code webEnabled}, the browser chat
 * (one instance: a single event loop carries its sockets; SockJS's HTTP fallbacks need one).
 */
public final class ChatMainVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(ChatMainVerticle.class);

  private final UserStore store;

  public ChatMainVerticle() {
    this(UserStore.SHARED_DATA);
  }

  /** A server whose user registry keeps its entries in {@code store} (tests: a map that fails on cue). */
  public ChatMainVerticle(UserStore store) {
    this.store = store;
  }

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    int instances = config.effectiveInstances();
    DeploymentOptions tcp = new DeploymentOptions().setConfig(config.toJson()).setInstances(instances);
    // kept to log the ports actually bound (a configured port 0 means "any free port")
    List<TcpChatVerticle> tcpInstances = new CopyOnWriteArrayList<>();
    WebChatVerticle web = new WebChatVerticle(store);
    OpsVerticle ops = new OpsVerticle();
    // ICU loads its tables on first use (about 0.1 s): here, rather than on an event loop at the first join
    Future<String> namesReady = vertx.executeBlocking(() -> Names.key("warm-up"));
    Future<String> history = namesReady.compose(warm ->
      vertx.deployVerticle(new HistoryVerticle(), new DeploymentOptions().setConfig(config.toJson())));
    Future<String> sweeper = history.compose(warm -> vertx.isClustered()
      ? vertx.deployVerticle(() -> new DepartedNodeSweeper(store), new DeploymentOptions().setConfig(config.toJson()))
      : Future.succeededFuture(""))
      .compose(id -> PeerFlush.answer(vertx).map(id))
      .compose(id -> vertx.isClustered() ? RecipientsFeed.start(vertx).map(id) : Future.succeededFuture(id));
    return sweeper.compose(id -> vertx.deployVerticle(() -> {
        TcpChatVerticle instance = new TcpChatVerticle(store);
        tcpInstances.add(instance);
        return instance;
      }, tcp))
      .onSuccess(id -> NodeState.tcpListening(vertx, true))
      .compose(id -> config.ircEnabled()
        ? vertx.deployVerticle(() -> new IrcChatVerticle(store), tcp)
        : Future.succeededFuture(id))
      .compose(id -> config.webEnabled()
        ? vertx.deployVerticle(web, new DeploymentOptions().setConfig(config.toJson()))
        : Future.succeededFuture(id))
      .compose(id -> config.opsPort() > 0
        ? vertx.deployVerticle(ops, new DeploymentOptions().setConfig(config.toJson()))
        : Future.succeededFuture(id))
      .onSuccess(id -> log.info("vchat started: chat on tcp {}:{} ({} instances, {}), {}, {}, {}, language {}, idle kick after {} s{}",
        config.host(), tcpInstances.get(0).actualPort(), instances,
        NetTransport.nameOf(vertx),
        config.ircEnabled() ? "IRC on " + config.host() + ":" + config.ircPort()
          + (config.ircTlsEnabled() ? " and " + config.ircTlsPort() + " (TLS)" : "") : "IRC off",
        config.webEnabled() ? "browser chat on http " + config.host() + ":" + web.actualPort() : "browser chat off",
        config.opsPort() > 0 ? "operator's routes on http " + config.opsHost() + ":" + ops.actualPort()
          : config.webEnabled() ? "operator's routes on the web port" : "no operator's routes",
        config.language().code(), config.idleTimeoutSeconds(),
        vertx.isClustered() ? ", clustered as " + config.clusterName() : ""));
  }

  /** Runs after the transports stopped (children first): their users have left; make sure the other nodes heard it. */
  @Override
  public Future<?> stop() {
    NodeState.tcpListening(vertx, false);
    return PeerFlush.flush(vertx);
  }
}
