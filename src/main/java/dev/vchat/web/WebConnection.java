package dev.vchat.web;

import dev.vchat.core.ChatInstance;
import dev.vchat.core.ChatSession;
import dev.vchat.core.ConnectionLimits;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.Peer;
import dev.vchat.core.SlowReaderGuard;
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

  /**
   * A socket refused by the connection limits is kept this long at most (less if
   * {@code webJoinTimeoutMillis} is shorter), so that the page can register and be told why.
   */
  static final long REFUSED_GRACE_MILLIS = 2_000;

  private final SockJSSocket socket;
  private final ChatInstance chat;
  private final WebFanout fanout;
  private final BrowserEvents browserEvents;
  private final ConnectionLimits limits;
  private final String outbound = WebAddresses.client(UUID.randomUUID().toString());
  /** The bridge's consumer for this socket is on this node; never look for it elsewhere. */
  private final DeliveryOptions localOnly = new DeliveryOptions().setLocalOnly(true);
  private final ChatMetrics metrics;
  private ChatSession session;
  /** The address this socket counts against in the connection limits, while it does. */
  private String countedIp;
  /** Why the connection limits refused this socket when it opened; null if they did not. */
  private ErrorCode refusal;
  private long joinTimer = -1;
  private boolean closed;
  private final SlowReaderGuard slowReader;
  private final RefusedFrames refusedFrames = new RefusedFrames();

  WebConnection(SockJSSocket socket, ChatInstance chat, WebFanout fanout, BrowserEvents browserEvents, ConnectionLimits limits) {
    this.socket = socket;
    this.limits = limits;
    this.chat = chat;
    this.metrics = ChatMetrics.of(chat.vertx());
    this.fanout = fanout;
    this.browserEvents = browserEvents;
    this.slowReader = new SlowReaderGuard(chat.vertx(), chat.config(), socket, null, this::dropSlowReader, full -> { });
  }

  /** Where this socket, and only this socket, may listen. */
  String outbound() {
    return outbound;
  }

  boolean started() {
    return session != null;
  }

  /**
   * The socket has just opened: it counts against the connection limits (the same as the TCP
   * port's, counted together) from now on, and must join within {@code webJoinTimeoutMillis}.
   * A socket over a limit is not counted; it is kept only until its page registers (to be told
   * why) or {@link #REFUSED_GRACE_MILLIS}.
   */
  void open() {
    String ip = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
    refusal = limits.admit(ip, "a browser from " + ip);
    if (refusal == null) {
      countedIp = ip;
    }
    long timeout = chat.config().webJoinTimeoutMillis();
    joinTimer = chat.vertx().setTimer(refusal == null ? timeout : Math.min(timeout, REFUSED_GRACE_MILLIS), id -> {
      joinTimer = -1;
      if (session == null && !closed) {
        log.debug("closing {}: not joined in time", this);
        closed = true;
        socket.close();
      }
    });
  }

  /**
   * The socket listens on its outbound address: the user joins, unless the connection limits
   * refused the socket when it opened; then it is told why and hung up.
   */
  void start() {
    if (session != null || closed) {
      return;
    }
    cancelJoinTimer();
    if (refusal != null) {
      send(browserEvents.forBrowser(Events.error(refusal), false));
      close();
      return;
    }
    session = chat.newSession(this, addr(socket.remoteAddress()));
    socket.setWriteQueueMaxSize(chat.config().writeQueueBytes());
    fanout.add(this);
    metrics.connectionAccepted(ChatMetrics.WEB);
    session.join();
  }

  /** Lines typed in the page; false if this socket has no session to take them. */
  boolean receive(String text) {
    if (session == null || closed) {
      return false;
    }
    int maxLineBytes = chat.config().maxLineBytes();
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
    chat.vertx().eventBus().send(outbound, shown, localOnly);
    metrics.webDelivered();
    if (session != null) {
      Object line = shown.getValue("line");
      slowReader.wrote(64 + (line instanceof String text ? text.length() : 0));
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

  /** The key of the room this user is in (null before it joined). */
  String roomKey() {
    return session == null ? null : session.roomKey();
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
    chat.vertx().setTimer(CLOSE_DELAY_MILLIS, id -> socket.close());
  }

  @Override
  public void throttle(boolean paused) {
    if (paused) {
      socket.pause();
    } else {
      socket.resume();
    }
  }

  /** A frame of this socket was refused; true if the socket must be closed now for too many in a row. */
  boolean frameRefused(String frame) {
    return refusedFrames.refused(frame, this);
  }

  /** A frame of this socket was taken. */
  void frameAccepted() {
    refusedFrames.accepted(this);
  }

  /** Closed for sending too many refused frames in a row. */
  void closeForRefusedFrames() {
    closed = true;
    socket.close();
  }

  private void cancelJoinTimer() {
    if (joinTimer >= 0) {
      chat.vertx().cancelTimer(joinTimer);
      joinTimer = -1;
    }
  }

  /** The socket is gone (closed by either side, or failed): the user leaves. */
  void lost() {
    slowReader.cancel();
    cancelJoinTimer();
    refusedFrames.closed(this);
    closed = true;
    if (countedIp != null) {
      limits.release(countedIp);
      countedIp = null;
    }
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
    if (session != null) {
      return "browser " + session.name() + " from " + session.addr();
    }
    SocketAddress remote = socket.remoteAddress();
    return "browser from " + (remote == null ? "unknown" : remote.hostAddress() + ":" + remote.port()) + " (not joined)";
  }
}
