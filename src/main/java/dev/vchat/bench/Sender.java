package dev.vchat.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * One sending user: numbered, timestamped messages, flat out (as fast as its socket takes them,
 * a few per write) or at a fixed rate, until its count or the time bound is reached.
 */
final class Sender {

  /** Messages per write when sending flat out. */
  private static final int BURST = 16;

  private final Vertx vertx;
  private final BenchUser user;
  private final int index;
  private final long limit;
  private final long deadline;
  private final int rate;
  private final int size;
  private final boolean irc;
  /** Recipients of private messages, or empty for broadcasts. */
  private final List<BenchUser> recipients;
  private final Promise<Long> done = Promise.promise();
  private long sent;
  private long started;
  private long timer = -1;
  private int nextRecipient;

  Sender(Vertx vertx, BenchUser user, int index, long limit, long deadline, int rate, int size, boolean irc,
         List<BenchUser> recipients) {
    this.vertx = vertx;
    this.user = user;
    this.index = index;
    this.irc = irc;
    // read on the user's loop, after the start task this thread submits there
    user.senderIndex = index;
    this.limit = limit == 0 ? Long.MAX_VALUE : limit;
    this.deadline = deadline;
    this.rate = rate;
    this.size = size;
    this.recipients = recipients;
    this.nextRecipient = index;
  }

  /** Starts on the user's loop; completes with the number sent. */
  Future<Long> start() {
    user.shard.context.runOnContext(v -> {
      started = System.nanoTime();
      user.socket.setWriteQueueMaxSize(64 * 1024);
      if (rate == 0) {
        pump();
      } else {
        long tick = Math.max(1, Math.min(10, 1000 / rate));
        timer = vertx.setPeriodic(tick, id -> tick());
      }
    });
    return done.future();
  }

  /** Stops early (the conductor's overall bound). */
  void stop() {
    user.shard.context.runOnContext(v -> finish());
  }

  private void pump() {
    if (done.future().isComplete()) {
      return;
    }
    long now = System.nanoTime();
    if (now >= deadline || sent >= limit) {
      finish();
      return;
    }
    write(Math.min(limit, sent + BURST), now);
    if (user.socket.writeQueueFull()) {
      user.socket.drainHandler(v -> pump());
    } else {
      user.shard.context.runOnContext(v -> pump());
    }
  }

  private void tick() {
    long now = System.nanoTime();
    if (now >= deadline || sent >= limit) {
      finish();
      return;
    }
    long due = Math.min(limit, (now - started) * rate / 1_000_000_000L + 1);
    if (due > sent) {
      write(due, now);
    }
  }

  private void write(long upTo, long now) {
    Buffer chunk = Buffer.buffer((int) (upTo - sent) * (size + 48));
    while (sent < upTo) {
      chunk.appendBytes(Payload.line(prefix(), index, sent, now, size, irc ? "\r\n" : "\n"));
      sent++;
    }
    user.socket.write(chunk);
  }

  /** What comes before the text: a broadcast is the bare text in the chat protocol, PRIVMSG #lobby in IRC. */
  private String prefix() {
    if (recipients.isEmpty()) {
      return irc ? "PRIVMSG #lobby :" : "";
    }
    BenchUser to = recipients.get(nextRecipient++ % recipients.size());
    if (to == user) {
      to = recipients.get(nextRecipient++ % recipients.size());
    }
    return irc ? "PRIVMSG " + to.name + " :" : "to " + to.name + " ";
  }

  private void finish() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    done.tryComplete(sent);
  }

}
