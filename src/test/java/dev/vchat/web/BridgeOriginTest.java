package dev.vchat.web;

import dev.vchat.support.ChatServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bridge's handshake checks {@code Origin} (hand-written requests, as another site's page
 * would make them from its visitors' browsers): the page's own origin and those of
 * {@code webAllowedOrigins} pass, any other is refused with 403 on every transport.
 */
@ExtendWith(VertxExtension.class)
class BridgeOriginTest {

  private static final String EVIL = "Origin: https://evil.example";

  @Test
  void aForeignOriginIsRefusedOnTheWebSocketHandshakes(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    int port = server.webPort();
    for (String path : new String[] {"/eventbus/websocket", "/eventbus/042/" + UUID.randomUUID() + "/websocket"}) {
      assertStatus(403, port, path, EVIL);
      assertStatus(403, port, path, "Origin: http://127.0.0.1:" + (port + 1)); // another port is another origin
      assertStatus(403, port, path, "Origin: null"); // a sandboxed page, a file
      assertStatus(101, port, path, "Origin: http://127.0.0.1:" + port); // the page's own
      assertStatus(101, port, path); // not a browser: no Origin
    }
  }

  @Test
  void aForeignOriginIsRefusedOnTheXhrTransports(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    String session = "http://127.0.0.1:" + server.webPort() + "/eventbus/042/" + UUID.randomUUID() + "/";
    assertEquals(403, XhrSession.Answer.post(URI.create(session + "xhr"), "", "Origin", "https://evil.example").statusCode());
    assertEquals(403, XhrSession.Answer.post(URI.create(session + "xhr_streaming"), "", "Origin", "https://evil.example").statusCode());
    XhrSession.Answer own = XhrSession.Answer.post(URI.create(session + "xhr"), "", "Origin", "http://127.0.0.1:" + server.webPort());
    assertEquals(200, own.statusCode());
    assertEquals("o\n", own.body());
    // a session opened by its own page cannot be fed by another site's
    String frame = new JsonArray().add(XhrSession.frame("send", WebAddresses.JOIN).put("replyAddress", "r").encode()).encode();
    assertEquals(403, XhrSession.Answer.post(URI.create(session + "xhr_send"), frame, "Origin", "https://evil.example").statusCode());
    assertEquals(204, XhrSession.Answer.post(URI.create(session + "xhr_send"), frame, "Origin", "http://127.0.0.1:" + server.webPort()).statusCode());
  }

  @Test
  void webAllowedOriginsLetsListedOriginsInAndStarLetsAnyIn(Vertx vertx) {
    ChatServer listed = ChatServer.startWithWeb(vertx, new JsonObject()
      .put("webAllowedOrigins", new JsonArray().add("https://chat.example.org").add("http://localhost:3000")));
    assertStatus(101, listed.webPort(), "/eventbus/websocket", "Origin: https://chat.example.org");
    assertStatus(101, listed.webPort(), "/eventbus/websocket", "Origin: https://CHAT.example.org:443");
    assertStatus(101, listed.webPort(), "/eventbus/websocket", "Origin: http://localhost:3000");
    assertStatus(101, listed.webPort(), "/eventbus/websocket", "Origin: http://127.0.0.1:" + listed.webPort());
    assertStatus(403, listed.webPort(), "/eventbus/websocket", EVIL);
    assertStatus(403, listed.webPort(), "/eventbus/websocket", "Origin: http://chat.example.org"); // not https

    ChatServer any = ChatServer.startWithWeb(vertx, new JsonObject().put("webAllowedOrigins", new JsonArray().add("*")));
    assertStatus(101, any.webPort(), "/eventbus/websocket", EVIL);
  }

  @Test
  void thePageItselfIsServedWhateverTheOrigin(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    XhrSession.Answer info = XhrSession.Answer.post(URI.create(server.webUrl() + "status"), "", "Origin", "https://evil.example");
    // only the bridge checks Origin; /status answers GET only, so a POST is 404 or 405, never 403
    assertEquals(true, info.statusCode() != 403, info.head());
  }

  /** The own-origin rule on Host headers a test cannot send from 127.0.0.1 as easily. */
  @Test
  void theOwnOriginIsTheHostWithDefaultPortsAndIpv6Literals() {
    OriginCheck check = new OriginCheck(java.util.List.of());
    assertEquals(true, check.allows("http://[::1]:8080", HostAndPort.parseAuthority("[::1]:8080", -1)));
    assertEquals(true, check.allows("https://chat.example.org", HostAndPort.parseAuthority("chat.example.org:443", -1)));
    assertEquals(true, check.allows("https://Chat.Example.org", HostAndPort.parseAuthority("chat.example.org", -1)));
    assertEquals(false, check.allows("https://chat.example.org.evil.example", HostAndPort.parseAuthority("chat.example.org", -1)));
    assertEquals(false, check.allows("https://evil.example", HostAndPort.parseAuthority("chat.example.org", -1)));
    assertEquals(false, check.allows("https://chat.example.org", null)); // no Host header
    assertEquals(false, check.allows("null", HostAndPort.parseAuthority("chat.example.org", -1)));
  }

  private static void assertStatus(int expected, int port, String path, String... headers) {
    try (RawWebSocket socket = RawWebSocket.open(port, path, headers)) {
      assertEquals(expected, socket.status(), path + " " + String.join(", ", headers));
    }
  }
}
