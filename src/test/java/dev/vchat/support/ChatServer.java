package dev.vchat.support;

import dev.vchat.ChatMainVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;

/** The real server deployed on a free port in a test's Vert.x instance. */
public final class ChatServer {

  private final int port;

  private ChatServer(int port) {
    this.port = port;
  }

  /**
   * Deploys {@link ChatMainVerticle} with the given settings over test defaults (one instance,
   * a free port, no idle kick unless asked).
   */
  public static ChatServer start(Vertx vertx, JsonObject settings) {
    int port = freePort();
    JsonObject config = new JsonObject()
      .put("host", "127.0.0.1")
      .put("port", port)
      .put("instances", 1)
      .put("idleTimeoutSeconds", 0)
      .mergeIn(settings);
    vertx.deployVerticle(new ChatMainVerticle(), new DeploymentOptions().setConfig(config)).await();
    return new ChatServer(port);
  }

  public static ChatServer start(Vertx vertx) {
    return start(vertx, new JsonObject());
  }

  public int port() {
    return port;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
