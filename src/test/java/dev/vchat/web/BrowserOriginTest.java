package dev.vchat.web;

import dev.vchat.support.ChatServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Another website cannot put its visitors in the chat: a page served from another origin that
 * loads the bridge client and opens the chat's bridge is refused in a real browser, unless the
 * chat lists that origin in webAllowedOrigins.
 */
@ExtendWith(VertxExtension.class)
class BrowserOriginTest {

  /** A page on another origin that tries to join the chat at {@code chatUrl}; it records what happened in window.outcome. */
  private static String foreignPage(String chatUrl) {
    return "<!doctype html><html><head><meta charset=utf-8><title>elsewhere</title>"
      + "<script src='" + chatUrl + "webjars/sockjs-client/1.6.1/dist/sockjs.min.js'></script>"
      + "<script src='" + chatUrl + "vendor/vertx-eventbus.js'></script></head><body><p>another site</p><script>"
      + "window.outcome = 'connecting';"
      + "var eb = new EventBus('" + chatUrl + "eventbus');"
      + "eb.onopen = function () { eb.send('chat.join', {}, function (err, reply) {"
      + "  window.outcome = err ? 'refused: ' + (err.message || err.failureType) : 'joined'; }); };"
      + "eb.onclose = function () { if (window.outcome !== 'joined') { window.outcome = 'closed'; } };"
      + "</script></body></html>";
  }

  /** Where the foreign page ended up; {@code listed}: the chat lists its origin in webAllowedOrigins. */
  private static String outcomeOf(Vertx vertx, boolean listed) throws IOException {
    int foreignPort = ChatServer.freePort();
    String foreignOrigin = "http://127.0.0.1:" + foreignPort;
    JsonObject settings = listed ? new JsonObject().put("webAllowedOrigins", new JsonArray().add(foreignOrigin)) : new JsonObject();
    ChatServer server = ChatServer.startWithWeb(vertx, settings);
    String html = foreignPage(server.webUrl());
    HttpServer foreign = vertx.createHttpServer()
      .requestHandler(request -> request.response().putHeader("content-type", "text/html; charset=utf-8").end(html))
      .listen(foreignPort, "127.0.0.1").await();
    try (ChatPage page = ChatPage.start(1280, 800)) {
      page.browser().get(foreignOrigin + "/");
      return new WebDriverWait(page.browser(), Duration.ofSeconds(15))
        .until(d -> {
          Object outcome = page.script("return window.outcome;");
          return outcome == null || "connecting".equals(outcome) ? null : outcome.toString();
        });
    } finally {
      foreign.close().await();
      server.stop();
    }
  }

  @Test
  void aPageOnAnotherOriginCannotJoin(Vertx vertx) throws IOException {
    assertNotEquals("joined", outcomeOf(vertx, false));
  }

  @Test
  void anOriginTheChatListsCanJoin(Vertx vertx) throws IOException {
    assertEquals("joined", outcomeOf(vertx, true));
  }
}
