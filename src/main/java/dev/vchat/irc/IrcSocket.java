package dev.vchat.irc;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.SlowReaderGuard;
import dev.vchat.tcp.BatchedFlushes;
import dev.vchat.tcp.DirectWrites;
import dev.vchat.tcp.SharedLines;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

import java.util.function.Consumer;

/**
 * An IRC client's socket as TcpConnection handles its own: writes watched for slow readers,
 * reading held back while the session catches up or the write queue is full (Netty's autoRead,
 * TcpConnection says why not {@code pause()}), a close that flushes first and resets (RST) when
 * the peer does not read.
 */
final class IrcSocket {

  /** How long a hang-up may wait for the last lines to drain. */
  private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

  private final NetSocket socket;
  private final Vertx vertx;
  private final SlowReaderGuard slowReader;
  private boolean closed;
  private boolean backlogged;
  private boolean queueFull;

  IrcSocket(NetSocket socket, Vertx vertx, ChatConfig config, Consumer<String> slowReaderDropped) {
    this.socket = socket;
    this.vertx = vertx;
    this.slowReader = new SlowReaderGuard(vertx, config, socket, DirectWrites.unsentBytes(socket), slowReaderDropped::accept, full -> {
      queueFull = full;
      updateReading();
    });
    socket.setWriteQueueMaxSize(config.writeQueueBytes());
  }

  boolean isClosed() {
    return closed;
  }

  /** Writes unless closed; the caller counts. */
  boolean write(Buffer lines) {
    if (!writable()) {
      return false;
    }
    socket.write(lines);
    slowReader.wrote(lines.length());
    return true;
  }

  /** As {@link #write(Buffer)}: lines of a flush written to many connections. */
  boolean write(SharedLines lines) {
    if (!writable()) {
      return false;
    }
    slowReader.wrote(lines.writeTo(socket, 0));
    return true;
  }

  private boolean writable() {
    assert closed || channel().eventLoop().inEventLoop() : "DirectWrites: a socket is written on its event loop only";
    return !closed;
  }

  /** Holds this socket's flushes until its event loop has run what is queued ({@link BatchedFlushes}). */
  void holdFlushes() {
    if (!closed) {
      BatchedFlushes.holdUntilQueuedTasksRan(socket);
    }
  }

  /** Flushes what was written, then closes; a peer that does not read it in time is reset. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    long forceClose = vertx.setTimer(CLOSE_TIMEOUT_MILLIS, id -> reset());
    socket.write(Buffer.buffer()).onComplete(ar -> {
      vertx.cancelTimer(forceClose);
      socket.close();
    });
  }

  /** A slow reader: closed at once, its queue dropped. */
  void drop() {
    closed = true;
    reset();
  }

  /** The peer is gone (end of stream, closed): nothing more is written. */
  void lost() {
    slowReader.cancel();
    closed = true;
  }

  void throttle(boolean paused) {
    backlogged = paused;
    updateReading();
  }

  /** Abortive close (RST), as in TcpConnection: Vert.x has no public SO_LINGER per socket. */
  private void reset() {
    Channel channel = channel();
    if (channel.isOpen()) {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.pipeline().firstContext().close();
    }
  }

  private void updateReading() {
    channel().config().setAutoRead(!backlogged && !queueFull);
  }

  private Channel channel() {
    // internal: Vert.x 5.0.7 has no public API for a socket's Netty channel
    return ((NetSocketInternal) socket).channelHandlerContext().channel();
  }
}
