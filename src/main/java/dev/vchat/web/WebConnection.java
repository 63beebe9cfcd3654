package dev.vchat.web;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.ChatRoom;
import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import dev.vchat.core.Peer;
import dev.vchat.metrics.ChatMetrics;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One browser on the SockJS bridge: a chat session like a TCP user's, fed with the lines the
 * page sends on {@link WebAddresses#IN}, and shown everything on the socket's own outbound
 * address. The session starts only once the socket listens there, so that it misses nothing.
 */
final class WebConnection implements Peer {

  private static final Logger log = LoggerFactory.getLogger(WebConnection.class);

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
  /** As on TCP: a full queue may take this many times its bound more before the reader is dropped at once. */
  private static final int HARD_LIMIT_FACTOR = 4;

  private final ChatMetrics metrics;
  private ChatSession session;
  private boolean closed;
  private long slowSinceTimer = -1;
  private long bytesWhileFull;

  WebConnection(SockJSSocket socket, ChatRoom room, WebFanout fanout, BrowserEvents browserEvents) {
    this.socket = socket;
    this.room = room;
    this.metrics = ChatMetrics.of(room.vertx());
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
    socket.setWriteQueueMaxSize(room.config().writeQueueBytes());
    fanout.add(this);
    metrics.connectionAccepted(ChatMetrics.WEB);
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
    if (closed) {
      return;
    }
    room.vertx().eventBus().send(outbound, shown, localOnly);
    metrics.webDelivered();
    if (session != null && socket.writeQueueFull()) {
      onQueueFull(shown);
    }
  }

  /**
   * The browser does not read what the bridge writes: as for TCP, a grace period and a hard
   * bound, then it is dropped and leaves like anyone else (the bus hop to the bridge's consumer
   * on this event loop does not hold messages: they go straight to the socket's queue).
   */
  private void onQueueFull(JsonObject shown) {
    ChatConfig config = room.config();
    Object line = shown.getValue("line");
    bytesWhileFull += 64 + (line instanceof String s ? s.length() : 0);
    if (bytesWhileFull > (long) HARD_LIMIT_FACTOR * config.writeQueueBytes()) {
      dropSlowReader("its write queue passed " + ((HARD_LIMIT_FACTOR + 1) * config.writeQueueBytes()) + " bytes");
      return;
    }
    if (slowSinceTimer < 0) {
      slowSinceTimer = room.vertx().setTimer(Math.max(1, config.slowReaderGraceMillis()),
        id -> dropSlowReader("it did not read for " + config.slowReaderGraceMillis() + " ms"));
      socket.drainHandler(v -> {
        if (slowSinceTimer >= 0) {
          room.vertx().cancelTimer(slowSinceTimer);
          slowSinceTimer = -1;
        }
        bytesWhileFull = 0;
      });
    }
  }

  private void dropSlowReader(String why) {
    if (closed) {
      return;
    }
    log.warn("disconnect slow browser reader {}: {}", this, why);
    metrics.kicked(ChatMetrics.KICK_SLOW_READER);
    closed = true;
    fanout.remove(this);
    socket.close();
    session.disconnected();
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
    if (slowSinceTimer >= 0) {
      room.vertx().cancelTimer(slowSinceTimer);
      slowSinceTimer = -1;
    }
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
