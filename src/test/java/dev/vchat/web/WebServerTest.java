package dev.vchat.web;

import dev.vchat.ChatMainVerticle;
import dev.vchat.config.ChatConfig;
import dev.vchat.config.ConfigException;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web verticle's HTTP side and its configuration, against the deployed server. */
@ExtendWith(VertxExtension.class)
class WebServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthSaysUp(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    HttpResponse<String> response = get(server, "health");
    assertEquals(200, response.statusCode());
    assertEquals("UP", new JsonObject(response.body()).getString("status"));
  }

  @Test
  void servesThePageAndBothBridgeScripts(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    HttpResponse<String> page = get(server, "");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>vchat</title>"), page.body());
    for (String script : new String[] {"app.js", "style.css", "webjars/sockjs-client/1.6.1/dist/sockjs.min.js", "vendor/vertx-eventbus.js"}) {
      HttpResponse<String> response = get(server, script);
      assertEquals(200, response.statusCode(), script);
      assertTrue(response.body().length() > 500, script);
    }
    assertTrue(get(server, "vendor/vertx-eventbus.js").body().contains("EventBus.prototype.registerHandler"));
    assertEquals(404, get(server, "nothing-here.js").statusCode());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    for (String path : new String[] {"", "app.js", "style.css", "favicon.ico", "status", "nothing-here.js", "eventbus/info"}) {
      HttpResponse<String> response = get(server, path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
        && csp.contains("connect-src 'self'"), path + ": " + csp);
      assertFalse(csp.contains("unsafe"), csp);
      assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), path);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
      assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), path);
    }
  }

  /** The CSP allows same-origin files only: the page must have no inline script, style or handler. */
  @Test
  void thePageNeedsNothingTheContentSecurityPolicyForbids() throws Exception {
    String page = java.nio.file.Files.readString(java.nio.file.Path.of("webroot/index.html"));
    java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script([^>]*)>").matcher(page);
    while (scripts.find()) {
      assertTrue(scripts.group(1).matches("\\s+src=\"/[^\"]+\"\\s*"), "a script that is not a same-origin file: " + scripts.group());
    }
    assertFalse(page.contains("<style"), "an inline style sheet");
    assertFalse(page.matches("(?s).*\\sstyle=.*"), "an inline style attribute");
    assertFalse(page.matches("(?s).*\\son[a-z]+=.*"), "an inline event handler");
    assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "a file from another origin");
  }

  @Test
  void thePageIsRevalidatedSoAnUpgradeReachesBrowsersAtOnce(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    for (String path : new String[] {"", "index.html", "app.js", "style.css", "vendor/vertx-eventbus.js"}) {
      HttpResponse<String> response = get(server, path);
      assertEquals(200, response.statusCode(), path);
      assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null), path);
      String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
      assertNotNull(lastModified, path);
      HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(server.webUrl() + path))
        .header("If-Modified-Since", lastModified).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(304, again.statusCode(), path + ": unchanged, so not sent again");
    }
    // a versioned WebJar path may be kept as it is
    HttpResponse<String> sockjs = get(server, "webjars/sockjs-client/1.6.1/dist/sockjs.min.js");
    assertTrue(sockjs.headers().firstValue("Cache-Control").orElse("").contains("max-age"), sockjs.headers().toString());
  }

  @Test
  void servesAFaviconWhereBrowsersLookForIt(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create(server.webUrl() + "favicon.ico")).build(),
      HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, icon.statusCode());
    assertTrue(icon.headers().firstValue("Content-Type").orElse("").startsWith("image/"), icon.headers().toString());
    byte[] body = icon.body();
    assertTrue(body.length > 22 && body[0] == 0 && body[1] == 0 && body[2] == 1 && body[3] == 0, "an ICO file");
  }

  @Test
  void opsPortMovesTheOperatorsRoutesOffTheWebPort(Vertx vertx) throws Exception {
    int opsPort = ChatServer.freePort();
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("opsPort", opsPort));
    String ops = "http://127.0.0.1:" + opsPort + "/";
    assertEquals(200, get(ops + "health").statusCode());
    assertEquals("UP", new JsonObject(get(ops + "ready").body()).getString("status"));
    assertEquals(200, get(ops + "metrics").statusCode());
    assertEquals(200, get(ops + "status").statusCode());
    for (String moved : new String[] {"health", "ready", "metrics"}) {
      assertEquals(404, get(server, moved).statusCode(), moved + " is still on the web port");
    }
    // the page's status strip reads /status from the page's own origin
    assertEquals(200, get(server, "status").statusCode());
    assertEquals(200, get(server, "").statusCode());
  }

  @Test
  void theOpsServerBindsToOpsHostOnlyAndRunsWithTheWebOff(Vertx vertx) throws Exception {
    int opsPort = ChatServer.freePort();
    // ChatServer.start: the browser chat is off
    ChatServer.start(vertx, new JsonObject().put("opsPort", opsPort).put("opsHost", "127.0.0.2"));
    assertEquals(200, get("http://127.0.0.2:" + opsPort + "/health").statusCode());
    assertEquals(200, get("http://127.0.0.2:" + opsPort + "/metrics").statusCode());
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", opsPort).close());
  }

  @Test
  void withTheWebOffNoHttpPortIsOpened(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("webPort", ChatServer.freePort()));
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", server.webPort()).close());
    try (TestUser ann = TestUser.join(server.port())) {
      ann.send("still here");
      ann.expect("[" + ann.addr() + "]" + ann.addr() + ":still here");
    }
  }

  @Test
  void theWebIsOnByDefaultOnPort8080() {
    assertTrue(ChatConfig.DEFAULTS.webEnabled());
    assertEquals(8080, ChatConfig.DEFAULTS.webPort());
    JsonObject json = ChatConfig.fromJson(new JsonObject().put("webEnabled", false).put("webPort", 9090)).toJson();
    assertEquals(false, json.getBoolean("webEnabled"));
    assertEquals(9090, json.getInteger("webPort"));
  }

  @Test
  void badWebSettingsAreRefusedNamingTheKey(Vertx vertx) {
    for (JsonObject bad : new JsonObject[] {
      new JsonObject().put("webPort", 70_000),
      new JsonObject().put("webPort", -1),
      new JsonObject().put("webPort", "8080"),
      new JsonObject().put("webEnabled", "yes"),
      new JsonObject().put("webEnabled", 1)}) {
      String key = bad.fieldNames().iterator().next();
      ConfigException e = assertThrows(ConfigException.class, () -> ChatConfig.fromJson(bad));
      assertTrue(e.getMessage().contains("\"" + key + "\""), e.getMessage());
    }
    Throwable failed = assertThrows(Throwable.class, () -> vertx.deployVerticle(new ChatMainVerticle(),
      new DeploymentOptions().setConfig(new JsonObject().put("webEnabled", "no"))).await());
    assertTrue(failed.getMessage().contains("webEnabled"), failed.getMessage());
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(ChatServer server, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(server.webUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
