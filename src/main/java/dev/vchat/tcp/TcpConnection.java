package dev.vchat.tcp;

import dev.vchat.core.ChatInstance;
import dev.vchat.core.ChatSession;
import dev.vchat.core.Peer;
import dev.vchat.core.SlowReaderGuard;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.metrics.ChatMetrics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One user on the TCP port: frames and decodes its lines for its {@link ChatSession}, writes
 * what the chat sends it, and drops it if it stops reading. End of stream, socket errors, quit
 * and kicks all end in the session's one leave path.
 */
final class TcpConnection implements Peer {

  private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);
  /** How long a hang-up may wait for the last lines to drain. */
  private static final long CLOSE_TIMEOUT_MILLIS = 5_000;
  /** A first line like "GET / HTTP/1.1": a browser or curl on the wrong port, not a user. */
  private static final Pattern HTTP_REQUEST_LINE = Pattern.compile("[A-Z]{3,10} \\S+ HTTP/\\d(\\.\\d)?");

  private final NetSocket socket;
  private final TcpFanout fanout;
  private final ChatInstance chat;
  private final ChatSession session;
  private final LineFramer framer;
  /** Gives the connection's place back to the connection limits; run once, when the socket closes. */
  private final Runnable released;
  private final io.vertx.core.Promise<Void> socketClosed = io.vertx.core.Promise.promise();
  private final SlowReaderGuard slowReader;
  private final TcpFanout.Cursor fanoutCursor = new TcpFanout.Cursor();
  private boolean closed;
  /** Whether the user's first line while online (its own join notice) was delivered. */
  private boolean joinShown;
  private boolean firstLine = true;
  private boolean backlogged;
  private boolean queueFull;

  TcpConnection(NetSocket socket, ChatInstance chat, TcpFanout fanout, Runnable released) {
    this.socket = socket;
    this.released = released;
    this.chat = chat;
    this.fanout = fanout;
    this.session = chat.newSession(this, socket.remoteAddress().hostAddress() + ":" + socket.remoteAddress().port());
    this.slowReader = new SlowReaderGuard(chat.vertx(), chat.config(), socket, DirectWrites.unsentBytes(socket), this::dropSlowReader, full -> {
      queueFull = full;
      updateReading();
    });
    this.framer = new LineFramer(chat.config().maxLineBytes(), new LineFramer.Sink() {
      @Override
      public void line(Buffer line) {
        String text = line.toString(StandardCharsets.UTF_8);
        if (firstLine) {
          firstLine = false;
          if (HTTP_REQUEST_LINE.matcher(text).matches()) {
            log.info("HTTP spoken to the chat port from {}: {}", session.addr(), text.length() > 80 ? text.substring(0, 80) : text);
            session.end(Events.error(ErrorCode.HTTP_ON_CHAT_PORT));
            return;
          }
        }
        session.receive(text);
      }

      @Override
      public void tooLong() {
        session.lineTooLong();
      }
    });
  }

  void start() {
    socket.setWriteQueueMaxSize(chat.config().writeQueueBytes());
    socket.handler(bytes -> {
      session.metrics().tcpReceived(bytes.length());
      framer.handle(bytes);
    });
    socket.endHandler(v -> {
      framer.end();
      lost();
    });
    socket.exceptionHandler(e -> {
      session.metrics().error("socket");
      log.debug("socket error from {}: {}", session.addr(), e.getMessage());
    });
    socket.closeHandler(v -> {
      released.run();
      socketClosed.tryComplete();
      lost();
    });
    fanout.add(this);
    session.metrics().connectionAccepted(ChatMetrics.TCP);
    session.join();
  }

  /**
   * The server is going down: tell the user, hang up once the queue has drained, leave;
   * completes when the user has left and the socket is closed.
   */
  Future<Void> shutdown() {
    session.end(Events.shutdown());
    return Future.join(session.left(), socketClosed.future()).mapEmpty();
  }

  String sid() {
    return session.sid();
  }

  boolean isOnline() {
    return session.isOnline();
  }

  /** The key of the room this user is in: the fan-out writes it that room's lines only. */
  String roomKey() {
    return session.roomKey();
  }

  TcpFanout.Cursor fanoutCursor() {
    return fanoutCursor;
  }

  /**
   * Writes a line to this user alone, after the broadcasts the fan-out has queued for it: a reply
   * or private message never overtakes what happened before it. Broadcasts queued before the user
   * was online are not for it.
   */
  @Override
  public void deliver(JsonObject event) {
    if (Events.ROOM_ENTERED.equals(Events.type(event))) {
      // what was queued before the move is the old room's (gone) or the new room's history (shown next)
      fanout.skipQueued(this);
    } else if (joinShown) {
      fanout.catchUp(this);
    } else {
      fanout.skipQueued(this);
      joinShown = session.isOnline();
    }
    Buffer line = Buffer.buffer(chat.catalogue().line(event));
    if (write(line)) {
      session.metrics().tcpDelivered(1, line.length());
    }
  }

  /** A private message: its flush waits until this event loop has run what is queued (BatchedFlushes). */
  @Override
  public void deliverBatched(JsonObject message) {
    if (!closed) {
      BatchedFlushes.holdUntilQueuedTasksRan(socket);
    }
    deliver(message);
  }

  /**
   * Writes unless closed; a reader whose queue stays full past the grace period is dropped.
   * Counting is the caller's: the fan-out counts once per batch, not once per connection.
   */
  boolean write(Buffer lines) {
    if (!writable()) {
      return false;
    }
    socket.write(lines);
    slowReader.wrote(lines.length());
    return true;
  }

  /** As {@link #write(Buffer)}: the lines from byte {@code start} on of a flush written to many connections. */
  boolean write(SharedLines lines, int start) {
    if (!writable()) {
      return false;
    }
    slowReader.wrote(lines.writeTo(socket, start));
    return true;
  }

  /** As {@link #write(SharedLines, int)}: the byte ranges {@code ranges} (start and end pairs) of the flush. */
  boolean write(SharedLines lines, int[] ranges) {
    if (!writable()) {
      return false;
    }
    slowReader.wrote(lines.writeTo(socket, ranges));
    return true;
  }

  private boolean writable() {
    assert closed || channel().eventLoop().inEventLoop() : "DirectWrites: a socket is written on its event loop only";
    return !closed;
  }

  private void dropSlowReader(String why) {
    if (closed) {
      return;
    }
    session.metrics().kicked(ChatMetrics.KICK_SLOW_READER);
    log.warn("disconnect slow reader {} from {}: {}", session.name(), session.addr(), why);
    closed = true;
    fanout.remove(this);
    reset();
    session.disconnected();
  }

  /**
   * Flushes what was delivered, then closes; a peer that has not read it all within
   * {@link #CLOSE_TIMEOUT_MILLIS} is reset instead.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    fanout.remove(this);
    long forceClose = chat.vertx().setTimer(CLOSE_TIMEOUT_MILLIS, id -> reset());
    socket.write(Buffer.buffer()).onComplete(ar -> {
      chat.vertx().cancelTimer(forceClose);
      socket.close();
    });
  }

  /**
   * Abortive close (RST): the kernel drops what is still queued for a peer that does not read
   * and frees the socket at once, and the peer learns the connection is gone. A graceful close
   * would leave both to the peer. Vert.x has no public API for SO_LINGER on one socket, hence
   * Netty's channel through {@link NetSocketInternal}; the close starts at the pipeline's first
   * handler because Vert.x's own handler holds a close back until its queue is written, which is
   * exactly what never happens here.
   */
  private void reset() {
    Channel channel = channel();
    if (channel.isOpen()) {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.pipeline().firstContext().close();
    }
  }

  @Override
  public void throttle(boolean paused) {
    backlogged = paused;
    updateReading();
  }

  /** A TCP socket that is not read leaves the user's input in the kernel's buffers. */
  @Override
  public boolean holdsBackInput() {
    return true;
  }

  /**
   * Reads from the socket only while its session keeps up (no line waiting for its flood token,
   * few commands queued) and its own write queue is not full: a flooder waits in the kernel, and
   * a user who sends faster than it reads (its echoes, the replies) is slowed down instead of
   * being dropped as a slow reader of its own traffic.
   *
   * <p>Netty's autoRead, not Vert.x's {@code pause()}: a paused NetSocket goes on reading into its
   * own queue (2 MB of a paste, measured) and discards that queue when the peer half-closes
   * (epoll reads to the end of the stream on a FIN, and the channel then closes), so a pasted file
   * followed by EOF would lose its tail. With autoRead off, Netty stops after the read under way,
   * and what it still reads is handed over and waits in the session, in order. Vert.x has no
   * public API for it.
   */
  private void updateReading() {
    channel().config().setAutoRead(!backlogged && !queueFull);
  }

  private Channel channel() {
    return ((NetSocketInternal) socket).channelHandlerContext().channel();
  }

  private void lost() {
    slowReader.cancel();
    closed = true;
    fanout.remove(this);
    session.disconnected();
  }
}
