package dev.vchat.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * Refuses (403) a request to the bridge whose {@code Origin} is neither the page's own (the
 * origin whose host and port are the request's Host) nor one of {@code webAllowedOrigins}
 * ({@code "*"}: any). Browsers send {@code Origin} on every WebSocket handshake and every POST
 * (all of SockJS's sends), so another site's page cannot talk to the bridge from its visitors'
 * browsers. A request without {@code Origin} is not a cross-site browser request: it passes.
 */
final class OriginCheck implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(OriginCheck.class);

  private final List<String> allowed;
  private final boolean any;

  OriginCheck(List<String> allowed) {
    this.allowed = allowed.stream().map(OriginCheck::normalize).toList();
    this.any = allowed.contains("*");
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null || any || allows(origin, ctx.request().authority())) {
      ctx.next();
      return;
    }
    log.debug("refused a bridge request from {} with Origin {}", ctx.request().remoteAddress(), origin);
    ctx.response().setStatusCode(403).end("origin not allowed");
  }

  boolean allows(String origin, HostAndPort host) {
    String normalized = normalize(origin);
    if (allowed.contains(normalized)) {
      return true;
    }
    int scheme = normalized.indexOf("://");
    if (scheme < 0 || host == null) {
      return false; // "null" (a sandboxed page, a file) and the like
    }
    String own = host.port() < 0 ? host.host() : host.host() + ":" + host.port();
    return normalized.substring(scheme + 3).equals(stripDefaultPort(own.toLowerCase(Locale.ROOT)));
  }

  private static String normalize(String origin) {
    return stripDefaultPort(origin.trim().toLowerCase(Locale.ROOT));
  }

  /** Browsers leave out :80 and :443; a Host header may have them. */
  private static String stripDefaultPort(String s) {
    if (s.endsWith(":80") || s.endsWith(":443")) {
      return s.substring(0, s.lastIndexOf(':'));
    }
    return s;
  }
}
