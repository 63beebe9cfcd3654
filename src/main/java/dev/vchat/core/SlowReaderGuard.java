package dev.vchat.core;

import dev.vchat.config.ChatConfig;
import io.vertx.core.Vertx;
import io.vertx.core.streams.WriteStream;

import java.util.function.Consumer;

/**
 * What a user who does not read may cost, for any transport: once the stream's write queue is
 * full ({@code writeQueueBytes}), the user has {@code slowReaderGraceMillis} to catch up, and
 * may meanwhile queue at most {@link #HARD_LIMIT_FACTOR} times that bound more; past either, the
 * transport drops it. Memory per user stays bounded whatever the reader does.
 */
public final class SlowReaderGuard {

  /** A burst to a reader that is keeping up fits; a reader that stopped does not. */
  public static final int HARD_LIMIT_FACTOR = 4;

  private final Vertx vertx;
  private final ChatConfig config;
  private final WriteStream<?> stream;
  private final Consumer<String> drop;
  private final Consumer<Boolean> fullChanged;
  private long graceTimer = -1;
  private long bytesWhileFull;
  private boolean full;

  /**
   * @param drop        called once with the reason when the reader must go
   * @param fullChanged told when the queue fills (true) and drains (false)
   */
  public SlowReaderGuard(Vertx vertx, ChatConfig config, WriteStream<?> stream,
                         Consumer<String> drop, Consumer<Boolean> fullChanged) {
    this.vertx = vertx;
    this.config = config;
    this.stream = stream;
    this.drop = drop;
    this.fullChanged = fullChanged;
  }

  /** To call after each write of about {@code bytes}. */
  public void wrote(int bytes) {
    if (!stream.writeQueueFull()) {
      return;
    }
    bytesWhileFull += bytes;
    if (bytesWhileFull > (long) HARD_LIMIT_FACTOR * config.writeQueueBytes()) {
      cancel();
      drop.accept("its write queue passed " + ((HARD_LIMIT_FACTOR + 1) * (long) config.writeQueueBytes()) + " bytes");
      return;
    }
    if (graceTimer < 0) {
      graceTimer = vertx.setTimer(Math.max(1, config.slowReaderGraceMillis()), id -> {
        graceTimer = -1;
        drop.accept("it did not read for " + config.slowReaderGraceMillis() + " ms");
      });
      stream.drainHandler(v -> caughtUp());
      full = true;
      fullChanged.accept(true);
    }
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
