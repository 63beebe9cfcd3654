package dev.vchat.web;

import dev.vchat.core.ChatInstance;
import dev.vchat.core.ConnectionLimits;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The guard of the SockJS bridge, on top of its permitted rules: maps each socket to its
 * {@link WebConnection}, stamps the sender from the socket (never from the message), lets a
 * socket register only on its own outbound address, and refuses everything else.
 */
final class WebBridge implements Handler<BridgeEvent> {

  private static final Logger log = LoggerFactory.getLogger(WebBridge.class);

  private final ChatInstance chat;
  private final WebFanout fanout;
  private final BrowserEvents browserEvents;
  private final ConnectionLimits limits;
  private final Map<SockJSSocket, WebConnection> connections = new HashMap<>();

  WebBridge(ChatInstance chat, WebFanout fanout, BrowserEvents browserEvents, ConnectionLimits limits) {
    this.chat = chat;
    this.limits = limits;
    this.fanout = fanout;
    this.browserEvents = browserEvents;
  }

  /** The bridge's own rules: exactly the two inbound addresses, and outbound only the per-socket ones. */
  static SockJSBridgeOptions options() {
    return new SockJSBridgeOptions()
      .addInboundPermitted(new PermittedOptions().setAddress(WebAddresses.JOIN))
      .addInboundPermitted(new PermittedOptions().setAddress(WebAddresses.IN))
      .addOutboundPermitted(new PermittedOptions().setAddressRegex(WebAddresses.CLIENT_REGEX))
      .setMaxHandlersPerSocket(8);
  }

  @Override
  public void handle(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    WebConnection connection = connections.get(socket);
    JsonObject raw = event.getRawMessage();
    switch (event.type()) {
      case SOCKET_CREATED -> {
        WebConnection created = new WebConnection(socket, chat, fanout, browserEvents, limits);
        connections.put(socket, created);
        created.open();
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        lost(socket);
        event.complete(true);
      }
      case SOCKET_ERROR -> {
        lost(socket);
        socket.close();
        event.complete(true);
      }
      case SEND -> event.complete(judged(send(connection, raw), connection, raw));
      case REGISTER -> event.complete(judged(connection != null && !connection.started()
        && connection.outbound().equals(address(raw)), connection, raw));
      case REGISTERED -> {
        if (connection != null && connection.outbound().equals(address(raw))) {
          connection.start();
        }
        event.complete(true);
      }
      case UNREGISTER -> event.complete(judged(connection != null && connection.outbound().equals(address(raw)), connection, raw));
      case PUBLISH -> event.complete(judged(false, connection, raw));
      // RECEIVE: only on addresses this socket registered, that is, its own; pings and idling: fine
      default -> event.complete(true);
    }
  }

  private boolean send(WebConnection connection, JsonObject raw) {
    if (connection == null) {
      return false;
    }
    String address = address(raw);
    if (WebAddresses.JOIN.equals(address)) {
      raw.put("headers", new JsonObject().put(WebAddresses.CLIENT_HEADER, connection.outbound()));
      raw.put("body", new JsonObject());
      return true;
    }
    if (WebAddresses.IN.equals(address)) {
      String text = raw.getValue("body") instanceof JsonObject body && body.getValue("text") instanceof String s ? s : null;
      boolean taken = text != null && connection.receive(text);
      if (taken) {
        // the line went to the session of this socket; nothing of it travels on the bus
        raw.put("headers", new JsonObject());
        raw.put("body", new JsonObject());
      }
      return taken;
    }
    return false;
  }

  /**
   * Counts the verdict on a frame for its socket: refused frames are logged once per streak, and
   * a socket with {@link RefusedFrames#CLOSE_AFTER} refused in a row is closed.
   */
  private static boolean judged(boolean allowed, WebConnection connection, JsonObject raw) {
    if (connection == null) {
      // a frame still in flight from a socket already closed
      log.debug("bridge refused {} on {} from a closed socket", type(raw), address(raw));
      return false;
    }
    if (allowed) {
      connection.frameAccepted();
    } else if (connection.frameRefused(type(raw) + " on " + address(raw))) {
      connection.closeForRefusedFrames();
    }
    return allowed;
  }

  private static String type(JsonObject raw) {
    return raw == null ? null : raw.getString("type");
  }

  private void lost(SockJSSocket socket) {
    WebConnection connection = connections.remove(socket);
    if (connection != null) {
      connection.lost();
    }
  }

  private static String address(JsonObject raw) {
    return raw == null ? null : raw.getString("address");
  }
}
