package dev.vchat.web;

import dev.vchat.core.ChatRoom;
import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import dev.vchat.core.Peer;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One browser on the SockJS bridge: a chat session like a TCP user's, fed with the lines the
 * page sends on {@link WebAddresses#IN}, and shown everything on the socket's own outbound
 * address. The session starts only once the socket listens there, so that it misses nothing.
 */
final class WebConnection implements Peer {

  /**
   * A kick or a quit sends its last word through the bus to the bridge's consumer for this
   * socket, which writes it; the socket closes this long after, once that is done.
   */
  static final long CLOSE_DELAY_MILLIS = 250;

  private final SockJSSocket socket;
  private final ChatRoom room;
  private final WebFanout fanout;
  private final BrowserEvents browserEvents;
  private final String outbound = WebAddresses.client(UUID.randomUUID().toString());
  /** The bridge's consumer for this socket is on this node; never look for it elsewhere. */
  private final DeliveryOptions localOnly = new DeliveryOptions().setLocalOnly(true);
  private ChatSession session;
  private boolean closed;

  WebConnection(SockJSSocket socket, ChatRoom room, WebFanout fanout, BrowserEvents browserEvents) {
    this.socket = socket;
    this.room = room;
    this.fanout = fanout;
    this.browserEvents = browserEvents;
  }

  /** Where this socket, and only this socket, may listen. */
  String outbound() {
    return outbound;
  }

  boolean started() {
    return session != null;
  }

  /** The socket listens on its outbound address: the user joins. */
  void start() {
    if (session != null || closed) {
      return;
    }
    session = room.newSession(this, addr(socket.remoteAddress()));
    fanout.add(this);
    session.join();
  }

  /** Lines typed in the page; false if this socket has no session to take them. */
  boolean receive(String text) {
    if (session == null || closed) {
      return false;
    }
    int maxLineBytes = room.config().maxLineBytes();
    for (String line : text.split("\n", -1)) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
        session.lineTooLong();
      } else {
        session.receive(line);
      }
    }
    return true;
  }

  /** The server is going down: tell the user, hang up, leave; completes when left. */
  Future<Void> shutdown() {
    session.end(Events.shutdown());
    return session.left();
  }

  String sid() {
    return session.sid();
  }

  boolean isOnline() {
    return !closed && session != null && session.isOnline();
  }

  /** Sends an event, already in the browser's shape, to this socket alone. */
  void send(JsonObject shown) {
    if (!closed) {
      room.vertx().eventBus().send(outbound, shown, localOnly);
    }
  }

  @Override
  public void deliver(JsonObject event) {
    boolean self = session != null && session.sid().equals(event.getString(Events.SID));
    send(browserEvents.forBrowser(event, self));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (session != null) {
      fanout.remove(this);
    }
    room.vertx().setTimer(CLOSE_DELAY_MILLIS, id -> socket.close());
  }

  @Override
  public void throttle(boolean paused) {
    if (paused) {
      socket.pause();
    } else {
      socket.resume();
    }
  }

  /** The socket is gone (closed by either side, or failed): the user leaves. */
  void lost() {
    closed = true;
    if (session != null) {
      fanout.remove(this);
      session.disconnected();
    }
  }

  private static String addr(SocketAddress remote) {
    if (remote == null) {
      return "web:" + UUID.randomUUID().toString().substring(0, 8);
    }
    return remote.hostAddress() + ":" + remote.port();
  }

  @Override
  public String toString() {
    return session == null ? "browser (not joined)" : "browser " + session.name() + " from " + session.addr();
  }
}
