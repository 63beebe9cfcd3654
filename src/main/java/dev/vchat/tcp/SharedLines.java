package dev.vchat.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * One flush's lines, written to many sockets: copied off-heap once, each socket written a
 * retained slice of that copy, the flush's own reference released when it is done.
 *
 * <p>Why: a heap buffer written to a native (epoll) socket is copied off-heap by Netty once per
 * socket. In a join storm that is N² notices, each copied into every lagging socket's queue:
 * gigabytes of native memory that the process keeps after the storm. Shared, each socket's queue
 * holds a slice (a reference) and the bytes exist once. Used on one event loop; not thread-safe.
 */
public final class SharedLines implements AutoCloseable {

  private final Buffer lines;
  private ByteBuf offHeap;

  public SharedLines(Buffer lines) {
    this.lines = lines;
  }

  public int length() {
    return lines.length();
  }

  /**
   * The lines from byte {@code start} on, for one socket's write (which releases it); the copy is
   * made from {@code alloc} (the socket's) on the first call.
   */
  ByteBuf slice(ByteBufAllocator alloc, int start) {
    return copied(alloc).retainedSlice(start, offHeap.readableBytes() - start);
  }

  /**
   * The byte ranges {@code ranges} (start and end pairs, in order) of the lines, as one buffer of
   * slices of the copy (Netty writes its parts with one writev, nothing copied again).
   */
  ByteBuf slices(ByteBufAllocator alloc, int[] ranges) {
    ByteBuf copy = copied(alloc);
    if (ranges.length == 2) {
      return copy.retainedSlice(ranges[0], ranges[1] - ranges[0]);
    }
    CompositeByteBuf parts = alloc.compositeDirectBuffer(ranges.length / 2);
    for (int i = 0; i < ranges.length; i += 2) {
      parts.addComponent(true, copy.retainedSlice(ranges[i], ranges[i + 1] - ranges[i]));
    }
    return parts;
  }

  private ByteBuf copied(ByteBufAllocator alloc) {
    if (offHeap == null) {
      ByteBuf heap = ((BufferInternal) lines).getByteBuf();
      offHeap = alloc.directBuffer(heap.readableBytes());
      offHeap.writeBytes(heap);
    }
    return offHeap;
  }

  /**
   * Writes the lines from byte {@code start} on to {@code socket} (one that writes directly,
   * {@link DirectWrites}, on its event loop) as a slice of the shared copy; the bytes written.
   */
  public int writeTo(NetSocket socket, int start) {
    NetSocketInternal internal = (NetSocketInternal) socket;
    internal.writeMessage(slice(internal.channelHandlerContext().alloc(), start));
    return lines.length() - start;
  }

  /** As {@link #writeTo(NetSocket, int)}, for the byte ranges {@code ranges} (start and end pairs) only, in one write. */
  public int writeTo(NetSocket socket, int[] ranges) {
    NetSocketInternal internal = (NetSocketInternal) socket;
    internal.writeMessage(slices(internal.channelHandlerContext().alloc(), ranges));
    return length(ranges);
  }

  /** How many bytes the ranges (start and end pairs) hold. */
  static int length(int[] ranges) {
    int bytes = 0;
    for (int i = 0; i < ranges.length; i += 2) {
      bytes += ranges[i + 1] - ranges[i];
    }
    return bytes;
  }

  /** Gives the flush's reference back; the bytes go once the last socket has written its slice. */
  @Override
  public void close() {
    if (offHeap != null) {
      offHeap.release();
      offHeap = null;
    }
  }
}
