package dev.vchat.core;

import dev.vchat.config.ChatConfig;
import io.vertx.core.Vertx;
import io.vertx.core.streams.WriteStream;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a user who does not read may cost, for any transport: once the stream's write queue is
 * full ({@code writeQueueBytes}), the user has {@code slowReaderGraceMillis} to catch up, and
 * may meanwhile queue at most {@link #HARD_LIMIT_FACTOR} times that bound more; past either, the
 * transport drops it. Memory per user stays bounded whatever the reader does.
 *
 * <p>Where the transport can say how much of what it was written is still unsent (a socket that
 * writes straight to Netty, {@code tcp/DirectWrites}: its queue only drains once nearly all of a
 * burst is read), a reader that is reading, however slowly, is not one that stopped: each grace
 * period in which it took something starts another, and the bound is on what is queued.
 */
public final class SlowReaderGuard {

  /** A burst to a reader that is keeping up fits; a reader that stopped does not. */
  public static final int HARD_LIMIT_FACTOR = 4;

  private final Vertx vertx;
  private final ChatConfig config;
  private final WriteStream<?> stream;
  /** Bytes written to the stream and not yet sent, or null when the transport cannot tell. */
  private final LongSupplier unsent;
  private final Consumer<String> drop;
  private final Consumer<Boolean> fullChanged;
  private long graceTimer = -1;
  private long bytesWhileFull;
  private long bytesWritten;
  /** Bytes sent when the running grace period began (with {@link #unsent} only). */
  private long sentAtGrace;
  private boolean full;

  /**
   * @param unsent      bytes written and not yet sent, or null where the transport cannot tell
   * @param drop        called once with the reason when the reader must go
   * @param fullChanged told when the queue fills (true) and drains (false)
   */
  public SlowReaderGuard(Vertx vertx, ChatConfig config, WriteStream<?> stream, LongSupplier unsent,
                         Consumer<String> drop, Consumer<Boolean> fullChanged) {
    this.vertx = vertx;
    this.config = config;
    this.stream = stream;
    this.unsent = unsent;
    this.drop = drop;
    this.fullChanged = fullChanged;
  }

  /** To call after each write of about {@code bytes}. */
  public void wrote(int bytes) {
    bytesWritten += bytes;
    if (!stream.writeQueueFull()) {
      return;
    }
    bytesWhileFull += bytes;
    long queued = unsent == null ? bytesWhileFull : unsent.getAsLong() - config.writeQueueBytes();
    if (queued > (long) HARD_LIMIT_FACTOR * config.writeQueueBytes()) {
      cancel();
      drop.accept("its write queue passed " + ((HARD_LIMIT_FACTOR + 1) * (long) config.writeQueueBytes()) + " bytes");
      return;
    }
    if (graceTimer < 0) {
      startGrace();
      stream.drainHandler(v -> caughtUp());
      full = true;
      fullChanged.accept(true);
    }
  }

  private void startGrace() {
    sentAtGrace = sent();
    graceTimer = vertx.setTimer(Math.max(1, config.slowReaderGraceMillis()), id -> {
      graceTimer = -1;
      if (unsent != null && sent() > sentAtGrace) {
        startGrace(); // slow, but reading
        return;
      }
      drop.accept("it did not read for " + config.slowReaderGraceMillis() + " ms");
    });
  }

  private long sent() {
    return unsent == null ? 0 : bytesWritten - unsent.getAsLong();
  }

  public void cancel() {
    if (graceTimer >= 0) {
      vertx.cancelTimer(graceTimer);
      graceTimer = -1;
    }
  }

  private void caughtUp() {
    cancel();
    bytesWhileFull = 0;
    if (full) {
      full = false;
      fullChanged.accept(false);
    }
  }
}
