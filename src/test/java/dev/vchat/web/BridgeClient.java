package dev.vchat.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A hand-written bridge client on a real websocket (SockJS's raw websocket endpoint): it writes
 * bridge frames as JSON text and collects every frame the server sends, as an attacker would.
 */
final class BridgeClient implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx;
  /** Held in a field: Vert.x closes clients nobody references. */
  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private final long pinger;
  private volatile boolean closed;
  private String outbound;

  private BridgeClient(Vertx vertx, WebSocketClient client, WebSocket socket) {
    this.vertx = vertx;
    this.client = client;
    this.socket = socket;
    // text or binary: the raw websocket endpoint writes the bridge frames as binary messages
    socket.handler(data -> frames.add(new JsonObject(data.toString(java.nio.charset.StandardCharsets.UTF_8))));
    socket.closeHandler(v -> closed = true);
    // the bridge drops sockets that stop pinging
    this.pinger = vertx.setPeriodic(2_000, id -> {
      if (!closed) {
        socket.writeTextMessage("{\"type\":\"ping\"}");
      }
    });
  }

  static BridgeClient connect(Vertx vertx, int webPort) {
    return connect(vertx, webPort, new io.vertx.core.http.WebSocketClientOptions());
  }

  static BridgeClient connect(Vertx vertx, int webPort, io.vertx.core.http.WebSocketClientOptions options) {
    WebSocketClient client = vertx.createWebSocketClient(options);
    WebSocket socket = client.connect(webPort, "127.0.0.1", "/eventbus/websocket").await();
    return new BridgeClient(vertx, client, socket);
  }

  /** Connects, joins as the page does, and waits for its own online notice; returns that event. */
  static BridgeClient join(Vertx vertx, int webPort) {
    return join(connect(vertx, webPort));
  }

  /** Joins on a client made with these options (a small receive buffer, say). */
  static BridgeClient join(Vertx vertx, int webPort, io.vertx.core.http.WebSocketClientOptions options) {
    return join(connect(vertx, webPort, options));
  }

  /** Connects and asks to join as the page does, without waiting for its online notice. */
  static BridgeClient attempt(Vertx vertx, int webPort) {
    return ask(connect(vertx, webPort));
  }

  private static BridgeClient ask(BridgeClient user) {
    user.outbound = user.request(WebAddresses.JOIN, new JsonObject()).getString("address");
    user.register(user.outbound);
    return user;
  }

  private static BridgeClient join(BridgeClient user) {
    ask(user);
    user.awaitEvent(e -> "online".equals(e.getString("type")) && e.getBoolean("self", false));
    return user;
  }

  /** The per-socket address the server gave this client. */
  String outbound() {
    return outbound;
  }

  BridgeClient write(String frame) {
    if (!closed) {
      socket.writeTextMessage(frame).await();
    }
    return this;
  }

  /**
   * Writes {@code frame} {@code times} times without waiting for each write, as fast as the
   * socket takes them, and stops once the server has closed the socket; returns how many were written.
   */
  int blast(String frame, int times) {
    int written = 0;
    for (; written < times && !closed; written++) {
      socket.writeTextMessage(frame);
      if (written % 1000 == 999) {
        try {
          socket.writeTextMessage(frame).await(); // some back-pressure, and a chance to see the close
        } catch (RuntimeException closedMeanwhile) {
          break;
        }
        written++;
      }
    }
    return written;
  }

  BridgeClient send(String address, Object body) {
    return write(frame("send", address).put("body", body).encode());
  }

  BridgeClient publish(String address, Object body) {
    return write(frame("publish", address).put("body", body).encode());
  }

  BridgeClient register(String address) {
    return write(frame("register", address).encode());
  }

  /** A line typed in the page. */
  BridgeClient say(String line) {
    return send(WebAddresses.IN, new JsonObject().put("text", line));
  }

  JsonObject request(String address, Object body) {
    String replyAddress = UUID.randomUUID().toString();
    write(frame("send", address).put("body", body).put("replyAddress", replyAddress).encode());
    return awaitFrame(f -> replyAddress.equals(f.getString("address"))).getJsonObject("body");
  }

  /** The next frame whatever it is. */
  JsonObject nextFrame() {
    JsonObject frame = poll(TIMEOUT);
    if (frame == null) {
      fail("no frame from the server within " + TIMEOUT.toSeconds() + " s");
    }
    return frame;
  }

  /** Waits for an error frame, the bridge's refusal, skipping nothing. */
  JsonObject expectRefusal() {
    JsonObject frame = nextFrame();
    assertEquals("err", frame.getString("type"), "expected a refusal, got " + frame);
    return frame;
  }

  JsonObject awaitFrame(Predicate<JsonObject> match) {
    List<JsonObject> skipped = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject frame = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (frame == null) {
        break;
      }
      if (match.test(frame)) {
        return frame;
      }
      skipped.add(frame);
    }
    return fail("no matching frame; got " + skipped);
  }

  /** The body of the next chat event on this client's own address that matches. */
  JsonObject awaitEvent(Predicate<JsonObject> match) {
    return awaitFrame(f -> "rec".equals(f.getString("type")) && f.getString("address").equals(outbound)
      && match.test(f.getJsonObject("body"))).getJsonObject("body");
  }

  JsonObject awaitLine(String line) {
    return awaitEvent(e -> line.equals(e.getString("line")));
  }

  /** The frames that arrive within {@code quiet}. */
  List<JsonObject> framesWithin(Duration quiet) {
    List<JsonObject> got = new ArrayList<>();
    JsonObject frame;
    while ((frame = poll(quiet)) != null) {
      got.add(frame);
    }
    return got;
  }

  /** Every frame this client has been sent so far, read or not. */
  List<JsonObject> everything() {
    framesWithin(Duration.ofMillis(1));
    return List.copyOf(seen);
  }

  /** Stops reading from the socket, as a browser tab that hangs would. */
  void pause() {
    socket.pause();
  }

  boolean isClosed() {
    return closed;
  }

  /** Waits until the server has closed the socket. */
  void awaitClosed() {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!closed && System.nanoTime() < deadline) {
      poll(Duration.ofMillis(50));
    }
    if (!closed) {
      fail("the server did not close the socket within " + TIMEOUT.toSeconds() + " s");
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(pinger);
    if (!closed) {
      socket.close().await();
    }
    client.close();
  }

  private JsonObject poll(Duration timeout) {
    try {
      JsonObject frame = frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (frame != null) {
        seen.add(frame);
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonObject frame(String type, String address) {
    return new JsonObject().put("type", type).put("address", address).put("headers", new JsonObject());
  }
}
