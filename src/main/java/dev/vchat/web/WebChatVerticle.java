package dev.vchat.web;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.core.Broadcast;
import dev.vchat.core.ChatInstance;
import dev.vchat.core.ConnectionLimits;
import dev.vchat.core.UserStore;
import dev.vchat.ops.OpsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The chat in a browser: the page from {@code webroot/}, the SockJS client from its WebJar, the
 * event-bus bridge at {@code /eventbus}, and the operator's routes ({@link OpsRoutes}). Browser users are sessions of
 * the same chat core as TCP users (see docs/WEB.md).
 */
public final class WebChatVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(WebChatVerticle.class);

  /** Shutdown waits this long at most for browser users to be told and to leave. */
  private static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  static final int WEBSOCKET_CLOSING_TIMEOUT_SECONDS = 2;

  private final UserStore store;
  private HttpServer server;
  private WebFanout fanout;

  public WebChatVerticle() {
    this(UserStore.SHARED_DATA);
  }

  public WebChatVerticle(UserStore store) {
    this.store = store;
  }

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    return ChatInstance.open(vertx, config, store).compose(chat -> {
      BrowserEvents browserEvents = new BrowserEvents(chat.catalogue());
      fanout = new WebFanout(browserEvents);
      EventBus bus = vertx.eventBus();
      MessageConsumer<Broadcast> broadcasts = bus.consumer(Addresses.BROADCAST, fanout);
      // both stateless: the bridge hook has done the work and stamped the header on this socket's behalf
      MessageConsumer<Object> joins = bus.consumer(WebAddresses.JOIN, message ->
        message.reply(new JsonObject().put("address", message.headers().get(WebAddresses.CLIENT_HEADER))));
      MessageConsumer<Object> lines = bus.consumer(WebAddresses.IN, message -> message.reply(new JsonObject()));

      Router router = Router.router(vertx);
      router.route().handler(new SecurityHeaders());
      if (config.opsPort() == 0) {
        OpsRoutes.mount(router, vertx, config);
      } else {
        OpsRoutes.mountStatus(router, vertx); // the page's status strip; the rest is on opsPort (OpsVerticle)
      }
      router.route("/eventbus/*").handler(new OriginCheck(config.webAllowedOrigins()));
      // SockJS's XHR transports read their frames from the body (a websocket upgrade has none)
      router.route("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(bodyLimit(config)));
      router.route("/eventbus/*").failureHandler(WebChatVerticle::quietStatus);
      router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx)
        .bridge(WebBridge.options(), new WebBridge(chat, fanout, browserEvents, new ConnectionLimits(vertx, config))));
      router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
      router.route().handler(SecurityHeaders::revalidate);
      router.route().handler(StaticHandler.create("webroot"));

      server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.webPort())
          // a peer that does not answer the server's close frame keeps its socket this long, not 10 s
          .setWebSocketClosingTimeout(WEBSOCKET_CLOSING_TIMEOUT_SECONDS))
        .requestHandler(router);
      return Future.all(broadcasts.completion(), joins.completion(), lines.completion()).compose(v -> server.listen());
    }).onSuccess(s -> log.debug("web chat listening on {}:{}", config().getString("host"), s.actualPort()));
  }

  /**
   * A request refused with a status alone (413: a body over the limit) is answered with it,
   * without the router's error log line, which anyone could otherwise fill.
   */
  private static void quietStatus(RoutingContext ctx) {
    if (ctx.failure() == null && !ctx.response().ended()) {
      ctx.response().setStatusCode(ctx.statusCode()).end();
    } else {
      ctx.next();
    }
  }

  /**
   * The largest body an XHR transport request may have: one request carries a batch of frames,
   * each a JSON string escaped once more; the same as a websocket message's default bound
   * (64 KiB), or more for a large {@code maxLineBytes}.
   */
  static long bodyLimit(ChatConfig config) {
    return Math.max(64 * 1024, 16L * config.maxLineBytes());
  }

  /**
   * Tells every browser user that the server is going down and waits (bounded) until they have
   * left and their last line had time to reach the socket, then closes the HTTP server.
   */
  @Override
  public Future<?> stop() {
    if (fanout == null) {
      return Future.succeededFuture();
    }
    List<Future<Void>> leaving = fanout.connections().stream().map(WebConnection::shutdown).toList();
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(SHUTDOWN_WAIT_MILLIS, id -> done.tryComplete());
    Future.join(leaving).onComplete(ar -> {
      vertx.cancelTimer(timer);
      // the farewell travels through the bus to the bridge, and the socket closes after it
      vertx.setTimer(WebConnection.CLOSE_DELAY_MILLIS + 50, id -> done.tryComplete());
    });
    return done.future().compose(v -> server == null ? Future.succeededFuture() : server.close());
  }

  public int actualPort() {
    return server.actualPort();
  }
}
