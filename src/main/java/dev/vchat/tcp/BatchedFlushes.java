package dev.vchat.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * Holds a socket's flushes until its event loop has run the tasks queued so far, then flushes it
 * once: for private messages, which reach a recipient's event loop one task each (in order with
 * its broadcasts), so that a recipient with many waiting gets them in one write, not one system
 * call each. Writes still go out in the order they were made; only the flush waits. When nothing
 * is queued the flush follows at once, so a lone message is not delayed.
 *
 * <p>Why not Netty's {@code FlushConsolidationHandler}: it defers every flush of a socket, the
 * broadcast fan-out's too, which gains nothing (it writes each socket once per batch) and waits a
 * task more (in two runs at 1 M deliveries/s, broadcast p50 86-104 ms became 119-122 ms); and it
 * is one more handler on every idle user's socket. Vert.x's {@code NetSocket} flushes every
 * write made outside a read and has no API to hold one, hence a handler in Netty's pipeline, put
 * in front of Vert.x's own ("handler") on the socket's first held flush.
 */
public final class BatchedFlushes extends ChannelOutboundHandlerAdapter {

  private static final String NAME = "vchat-batched-flushes";
  /** Vert.x's handler in a socket's pipeline (NetServerImpl names it so). */
  private static final String VERTX_HANDLER = "handler";

  private final Runnable release = this::release;
  /** Set when added to the pipeline, which happens at once: it is added on the socket's event loop. */
  private ChannelHandlerContext ctx;
  private boolean holding;
  private boolean flushWanted;

  private BatchedFlushes() {
  }

  /**
   * Holds {@code socket}'s flushes (of what is written from now on) until the tasks its event loop
   * has queued so far have run. On the socket's event loop.
   */
  public static void holdUntilQueuedTasksRan(NetSocket socket) {
    Channel channel = ((NetSocketInternal) socket).channelHandlerContext().channel();
    assert channel.eventLoop().inEventLoop() : "flushes are held on the socket's event loop";
    ChannelPipeline pipeline = channel.pipeline();
    if (!channel.isOpen() || pipeline.context(VERTX_HANDLER) == null) {
      return; // closed; or a Vert.x that names its handler otherwise: flushed at once, as before (BatchedFlushesTest fails)
    }
    BatchedFlushes handler = (BatchedFlushes) pipeline.get(NAME);
    if (handler == null) {
      handler = new BatchedFlushes();
      pipeline.addBefore(VERTX_HANDLER, NAME, handler);
    }
    handler.hold();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  private void hold() {
    if (!holding) {
      holding = true;
      ctx.executor().execute(release);
    }
  }

  private void release() {
    holding = false;
    if (flushWanted) {
      flushWanted = false;
      ctx.flush();
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (holding) {
      flushWanted = true;
    } else {
      ctx.flush();
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (flushWanted) {
      flushWanted = false;
      ctx.flush();
    }
    ctx.close(promise);
  }
}
