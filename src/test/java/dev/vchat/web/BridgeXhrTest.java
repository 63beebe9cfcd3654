package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge without WebSocket (a proxy that blocks it): SockJS's XHR transports, written by
 * hand. A browser joins, chats and is answered as over a websocket.
 */
@ExtendWith(VertxExtension.class)
class BridgeXhrTest {

  @Test
  void aBrowserWithoutWebSocketJoinsAndChatsOverXhrPolling(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      XhrSession xena = XhrSession.open(server.webPort());
      String outbound = join(xena);
      xena.send(say("rename xena"));
      xena.await(f -> outbound.equals(f.getString("address")) && "renamed".equals(f.getJsonObject("body").getString("type")));
      bob.awaitLine(l -> l.endsWith(":is now xena"));

      xena.send(say("hello over xhr"));
      bob.awaitLine(l -> l.endsWith("]xena:hello over xhr"));
      bob.send("hi xena");
      xena.await(f -> outbound.equals(f.getString("address")) && "hi xena".equals(f.getJsonObject("body").getString("text")));
    }
  }

  @Test
  void xhrStreamingCarriesTheBridgeToo(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    String base = "http://127.0.0.1:" + server.webPort() + "/eventbus/042/" + UUID.randomUUID() + "/";
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "xhr_streaming"))
      .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    try (InputStream in = stream.body()) {
      String prelude = readLine(in);
      assertEquals(2048, prelude.length(), "the streaming prelude");
      assertEquals("o", readLine(in));
      JsonObject join = XhrSession.frame("send", WebAddresses.JOIN).put("body", new JsonObject()).put("replyAddress", "r1");
      HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "xhr_send"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonArray().add(join.encode()).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
      assertEquals(204, sent.statusCode(), sent.body());
      String frames = readLine(in);
      assertTrue(frames.startsWith("a["), frames);
      JsonObject reply = new JsonObject(new JsonArray(frames.substring(1)).getString(0));
      assertEquals("r1", reply.getString("address"));
      assertTrue(reply.getJsonObject("body").getString("address").startsWith(WebAddresses.CLIENT_PREFIX), reply.encode());
    }
  }

  @Test
  void anOversizedXhrSendIsRefusedAndTheSessionGoesOn(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      XhrSession xena = XhrSession.open(server.webPort());
      join(xena);
      String huge = new JsonArray().add(say("x".repeat(200_000)).encode()).encode();
      assertEquals(413, xena.post("xhr_send", huge).statusCode());
      xena.send(say("still here"));
      bob.awaitLine(l -> l.endsWith(":still here"));
    }
  }

  /** Joins as the page does; returns the socket's outbound address once its own online came. */
  private static String join(XhrSession session) {
    session.send(XhrSession.frame("send", WebAddresses.JOIN).put("body", new JsonObject()).put("replyAddress", "r1"));
    String outbound = session.await(f -> "r1".equals(f.getString("address"))).getJsonObject("body").getString("address");
    session.send(XhrSession.frame("register", outbound));
    session.await(f -> outbound.equals(f.getString("address")) && "online".equals(f.getJsonObject("body").getString("type"))
      && f.getJsonObject("body").getBoolean("self", false));
    return outbound;
  }

  private static JsonObject say(String text) {
    return XhrSession.frame("send", WebAddresses.IN).put("body", new JsonObject().put("text", text));
  }

  private static String readLine(InputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.append((char) b);
    }
    return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
