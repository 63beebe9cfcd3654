package dev.vchat.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every answer of the web port carries (docs/WEB.md, security model): a
 * Content-Security-Policy the page satisfies (its scripts and its style sheet are files of its own
 * origin; no inline script or style, no eval), no framing, no MIME sniffing, no referrer.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

  /** 'self' in connect-src covers the bridge's ws:/wss: and XHR to the page's own origin. */
  static final String CSP = String.join("; ",
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'");

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    ctx.next();
  }

  /**
   * For the page's own files (not versioned by name): browsers keep them but ask again each
   * time (a 304 thanks to Last-Modified), so an upgraded page reaches them at once. The static
   * handler keeps a Cache-Control that is already set.
   */
  static void revalidate(RoutingContext ctx) {
    ctx.response().headers().set("Cache-Control", "no-cache");
    ctx.next();
  }
}
