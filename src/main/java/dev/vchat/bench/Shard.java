package dev.vchat.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The users of one event loop and what they have seen. Everything here is touched only on
 * that loop, except the volatile progress fields that the conductor polls.
 */
final class Shard {

  private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(120);
  private static final byte[] ONLINE = ":online".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ECHO = "you to ".getBytes(StandardCharsets.UTF_8);

  final Context context;
  private final int senders;
  private final boolean irc;
  private final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
  private final Payload.Parsed parsed = new Payload.Parsed();
  private byte[] scratch = new byte[64 * 1024];

  /** Messages stamped before this nanoTime are not this run's (a room's history replayed on joining). */
  volatile long countFrom = Long.MAX_VALUE;
  /** Messages before this nanoTime are warm-up: counted, not timed. */
  volatile long timedFrom = Long.MAX_VALUE;
  /** When this shard last read anything / last got a bench message. */
  volatile long lastLineNanos;
  volatile long lastMessageNanos;
  /** Bench messages delivered to readers (not slow ones). */
  volatile long received;
  volatile long onlineNotices;
  private long reordered;
  private long otherLines;
  private long echoes;
  volatile int closed;

  Shard(Context context, int senders, boolean irc) {
    this.context = context;
    this.senders = senders;
    this.irc = irc;
  }

  int senders() {
    return senders;
  }

  /** Frames a chunk into lines for {@code user}; a line cut by the chunk's end waits in the user. */
  void consume(BenchUser user, ByteBuf data) {
    int len = data.readableBytes();
    if (scratch.length < len) {
      scratch = new byte[Math.max(len, scratch.length * 2)];
    }
    byte[] buf = scratch;
    data.getBytes(data.readerIndex(), buf, 0, len);
    long now = System.nanoTime();
    lastLineNanos = now;
    long messages = 0;
    long online = 0;
    int start = 0;
    for (int i = 0; i < len; i++) {
      if (buf[i] == '\n') {
        int kind;
        if (user.carryLength() > 0) {
          user.carry(buf, start, i);
          kind = line(user, user.carried(), 0, user.carryLength(), now);
          user.clearCarry();
        } else {
          kind = line(user, buf, start, i, now);
        }
        if (kind == 1) {
          messages++;
        } else if (kind == 2) {
          online++;
        }
        start = i + 1;
      }
    }
    if (start < len) {
      user.carry(buf, start, len);
    }
    if (messages > 0) {
      received += messages;
      lastMessageNanos = now;
    }
    if (online > 0) {
      onlineNotices += online;
    }
  }

  /** 1 for a bench message, 2 for a join notice, 0 for anything else. */
  private int line(BenchUser user, byte[] b, int from, int to, long now) {
    return irc ? ircLine(user, b, from, to > from && b[to - 1] == '\r' ? to - 1 : to, now) : chatLine(user, b, from, to, now);
  }

  private int ircLine(BenchUser user, byte[] b, int from, int to, long now) {
    switch (IrcLine.kind(b, from, to)) {
      case PRIVMSG -> {
        int text = IrcLine.textStart(b, from, to);
        if (text < 0 || !parsed.parse(b, text, to)) {
          otherLines++;
          return 0;
        }
        if (parsed.sender == user.senderIndex) {
          echoes++;
          return 0;
        }
        return message(user, now);
      }
      case JOIN -> {
        return 2;
      }
      case PING -> user.socket.write(Buffer.buffer(IrcLine.pong(b, from, to)));
      case WELCOME -> user.welcomed();
      default -> otherLines++;
    }
    return 0;
  }

  private int chatLine(BenchUser user, byte[] b, int from, int to, long now) {
    if (!parsed.parse(b, from, to)) {
      if (endsWith(b, from, to, ONLINE)) {
        return 2;
      }
      otherLines++;
      return 0;
    }
    if (startsWith(b, from, to, ECHO)) {
      echoes++;
      return 0;
    }
    return message(user, now);
  }

  /** Counts, checks the order of and times the message just parsed; 1, or 0 if it is not one of this run's. */
  private int message(BenchUser user, long now) {
    if (parsed.sender < 0 || parsed.sender >= senders || parsed.nanos < countFrom) {
      otherLines++;
      return 0;
    }
    if (!user.inOrder(parsed.sender, parsed.seq)) {
      reordered++;
    }
    if (parsed.nanos >= timedFrom) {
      latency.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, now - parsed.nanos)));
    }
    return 1;
  }

  private static boolean endsWith(byte[] b, int from, int to, byte[] suffix) {
    if (to - from < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (b[to - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The shard's figures, read on its own loop. */
  Future<Snapshot> snapshot() {
    Promise<Snapshot> promise = Promise.promise();
    context.runOnContext(v -> promise.complete(new Snapshot(latency.copy(), received, reordered, onlineNotices, otherLines, echoes)));
    return promise.future();
  }

  record Snapshot(Histogram latency, long received, long reordered, long online, long other, long echoes) {
  }
}
