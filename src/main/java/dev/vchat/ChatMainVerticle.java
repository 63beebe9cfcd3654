package dev.vchat;

import dev.vchat.cluster.DepartedNodeSweeper;
import dev.vchat.config.ChatConfig;
import dev.vchat.tcp.TcpChatVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole server: validates the configuration, then deploys the transports it asks for. */
public final class ChatMainVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(ChatMainVerticle.class);

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    int instances = config.effectiveInstances();
    DeploymentOptions tcp = new DeploymentOptions().setConfig(config.toJson()).setInstances(instances);
    Future<String> sweeper = vertx.isClustered()
      ? vertx.deployVerticle(DepartedNodeSweeper::new, new DeploymentOptions().setConfig(config.toJson()))
      : Future.succeededFuture("");
    return sweeper.compose(id -> vertx.deployVerticle(TcpChatVerticle::new, tcp))
      .onSuccess(id -> log.info("vchat started: chat on tcp {}:{} ({} instances), language {}, idle kick after {} s{}",
        config.host(), config.port(), instances, config.language().code(), config.idleTimeoutSeconds(),
        vertx.isClustered() ? ", clustered as " + config.clusterName() : ""));
  }
}
