package dev.vchat.ops;

import dev.vchat.config.ChatConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's routes ({@link OpsRoutes}: {@code /health}, {@code /ready}, {@code /metrics},
 * {@code /status}) on an HTTP server of their own, {@code opsHost:opsPort}, when {@code opsPort}
 * is set: the public web port then serves none of them but {@code /status}.
 */
public final class OpsVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OpsVerticle.class);

  private HttpServer server;

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    Router router = Router.router(vertx);
    OpsRoutes.mount(router, vertx, config);
    server = vertx.createHttpServer(new HttpServerOptions().setHost(config.opsHost()).setPort(config.opsPort()))
      .requestHandler(router);
    return server.listen().onSuccess(s -> log.debug("operator's routes on http {}:{}", config.opsHost(), s.actualPort()));
  }

  public int actualPort() {
    return server.actualPort();
  }
}
