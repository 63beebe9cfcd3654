package dev.vchat.support;

import dev.vchat.ChatMainVerticle;
import dev.vchat.core.UserStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real server deployed on free ports in a test's Vert.x instance. The browser chat is off
 * unless a test asks for it with {@link #startWithWeb}, so that tests open no HTTP port they
 * do not use.
 */
public final class ChatServer {

  private final Vertx vertx;
  private final JsonObject config;
  private final UserStore store;
  private String deploymentId;

  private ChatServer(Vertx vertx, JsonObject config, UserStore store) {
    this.vertx = vertx;
    this.config = config;
    this.store = store;
  }

  /**
   * Limits generous enough for the tests that send bursts of thousands of lines or open
   * hundreds of connections from 127.0.0.1; the flood and limit tests set tight ones. The
   * limits stay switched on, so that their code runs in every test.
   */
  public static JsonObject generousLimits() {
    return new JsonObject()
      .put("floodMessagesPerSecond", 1_000_000)
      .put("floodBurst", 1_000_000)
      .put("maxConnections", 100_000)
      .put("maxConnectionsPerIp", 100_000);
  }

  /**
   * Deploys {@link ChatMainVerticle} with the given settings over test defaults (one instance,
   * a free port, no idle kick, no browser chat unless asked, {@link #generousLimits()}).
   */
  public static ChatServer start(Vertx vertx, JsonObject settings) {
    return start(vertx, settings, UserStore.SHARED_DATA);
  }

  /** Like {@link #start(Vertx, JsonObject)}, the user registry kept in {@code store} (e.g. a {@link FailingUserStore}). */
  public static ChatServer start(Vertx vertx, JsonObject settings, UserStore store) {
    JsonObject config = new JsonObject()
      .put("host", "127.0.0.1")
      .put("port", freePort())
      .put("instances", 1)
      .put("idleTimeoutSeconds", 0)
      .put("webEnabled", false)
      .put("ircPort", 0)
      .mergeIn(generousLimits())
      .mergeIn(settings);
    ChatServer server = new ChatServer(vertx, config, store);
    server.deploy();
    return server;
  }

  /**
   * Deploys the server with the repository's own config.json as shipped, on loopback and free
   * ports (which are where it listens, not how it behaves).
   */
  public static ChatServer startWithShippedConfig(Vertx vertx) {
    try {
      JsonObject config = new JsonObject(Files.readString(Path.of("config.json")))
        .put("host", "127.0.0.1")
        .put("port", freePort())
        .put("webPort", freePort())
        .put("ircPort", freePort());
      ChatServer server = new ChatServer(vertx, config, UserStore.SHARED_DATA);
      server.deploy();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ChatServer start(Vertx vertx) {
    return start(vertx, new JsonObject());
  }

  /** Like {@link #start(Vertx, JsonObject)} with the browser chat on, on a free HTTP port. */
  public static ChatServer startWithWeb(Vertx vertx, JsonObject settings) {
    return start(vertx, new JsonObject().put("webEnabled", true).put("webPort", freePort()).mergeIn(settings));
  }

  /** Like {@link #start(Vertx, JsonObject)} with the IRC listener on, on a free port. */
  public static ChatServer startWithIrc(Vertx vertx, JsonObject settings) {
    return start(vertx, new JsonObject().put("ircPort", freePort()).mergeIn(settings));
  }

  /** The IRC port (0 when the IRC listener is off). */
  public int ircPort() {
    return config.getInteger("ircPort", 0);
  }

  /** Undeploys the whole server and deploys it again on the same ports, as a restart would. */
  public void restart() {
    stop();
    deploy();
  }

  public void stop() {
    vertx.undeploy(deploymentId).await();
  }

  private void deploy() {
    deploymentId = vertx.deployVerticle(new ChatMainVerticle(store), new DeploymentOptions().setConfig(config.copy())).await();
  }

  public int port() {
    return config.getInteger("port");
  }

  /** The HTTP port of the browser chat (configured even when the browser chat is off). */
  public int webPort() {
    return config.getInteger("webPort", -1);
  }

  public String webUrl() {
    return "http://127.0.0.1:" + webPort() + "/";
  }

  /**
   * A port free now, and not handed out before in this JVM: the kernel may give the same
   * ephemeral port to two binds in a row, and a test's chat port and web port must differ
   * (one Vert.x shares a server between listeners on the same port).
   */
  public static synchronized int freePort() {
    for (int attempt = 0; ; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (HANDED_OUT.add(port) || attempt > 100) {
          return port;
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();
}
