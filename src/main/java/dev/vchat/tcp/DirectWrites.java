package dev.vchat.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Lets a chat socket write straight to its Netty channel instead of through Vert.x 5's per-socket
 * outbound message queue.
 *
 * <p>Why: that queue ({@code VertxConnection.InternalMessageChannel}) exists so that any thread may
 * write to a socket; it starts with a 1,025-slot array (Netty's MPSC chunk size, a constant), 4.7 KB
 * of every idle user's 9 KB of heap. Our sockets are written only on their own event loop, which is
 * the case Vert.x already serves without the queue: HTTP's {@code strictThreadMode} builds the
 * connection with {@code DirectOutboundMessageQueue}. {@code NetServerOptions} has no such switch in
 * 5.0.7, so this swaps the one for the other right after accept, before anything is written.
 * Writability, {@code writeQueueFull()} and the drain handler behave as before (they follow Netty's
 * water marks). If a Vert.x upgrade renames either, sockets keep the queue and this says so once.
 */
public final class DirectWrites {

  private static final Logger log = LoggerFactory.getLogger(DirectWrites.class);
  private static final String CONNECTION = "io.vertx.core.net.impl.VertxConnection";
  private static final Field QUEUE;
  private static final Constructor<?> DIRECT_QUEUE;
  private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

  static {
    Field queue = null;
    Constructor<?> direct = null;
    try {
      Class<?> connection = Class.forName(CONNECTION);
      queue = connection.getDeclaredField("outboundMessageQueue");
      direct = Class.forName(CONNECTION + "$DirectOutboundMessageQueue").getDeclaredConstructor(connection);
      queue.setAccessible(true);
      direct.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("sockets keep Vert.x's outbound queue (4.7 KB each): this Vert.x has no {}.outboundMessageQueue to replace ({})",
        CONNECTION, e.toString());
      queue = null;
      direct = null;
    }
    QUEUE = queue;
    DIRECT_QUEUE = direct;
  }

  private DirectWrites() {
  }

  /**
   * Makes {@code socket} write directly; call on its event loop before its first write, and write
   * to it only on that event loop from then on. False (and the socket unchanged) when it could not.
   */
  public static boolean apply(NetSocket socket) {
    if (QUEUE == null || !QUEUE.getDeclaringClass().isInstance(socket)) {
      return false;
    }
    try {
      QUEUE.set(socket, DIRECT_QUEUE.newInstance(socket));
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (FAILURE_LOGGED.compareAndSet(false, true)) {
        log.warn("sockets keep Vert.x's outbound queue (4.7 KB each), the first was {}: {}", socket.remoteAddress(), e.toString());
      }
      return false;
    }
  }

  /**
   * For SlowReaderGuard: the bytes written to {@code socket} that Netty has not handed to the
   * kernel yet (0 once closed), where that is all of them, i.e. the socket writes directly; null
   * when it does not (Vert.x's queue then holds the rest, unseen).
   */
  public static LongSupplier unsentBytes(NetSocket socket) {
    if (!isDirect(socket)) {
      return null;
    }
    Channel channel = ((NetSocketInternal) socket).channelHandlerContext().channel();
    return () -> {
      ChannelOutboundBuffer queue = channel.unsafe().outboundBuffer();
      return queue == null ? 0 : queue.totalPendingWriteBytes();
    };
  }

  /** Whether {@code socket} writes directly. */
  static boolean isDirect(NetSocket socket) {
    try {
      return QUEUE != null && DIRECT_QUEUE.getDeclaringClass().isInstance(QUEUE.get(socket));
    } catch (IllegalAccessException e) {
      return false;
    }
  }
}
