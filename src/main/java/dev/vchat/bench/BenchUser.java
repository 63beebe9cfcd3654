package dev.vchat.bench;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

import java.util.Arrays;

/**
 * One connection of the bench: reads (through its shard) and checks order per sender. It takes
 * Netty's buffers as they come off the socket ({@link NetSocketInternal#messageHandler}) rather
 * than Vert.x's {@code Buffer}s, which are a fresh heap copy of every read: at millions of lines
 * a second that copy was 40 % of the bench's own CPU.
 */
final class BenchUser implements Handler<Object> {

  final int index;
  final Shard shard;
  NetSocket socket;
  /** The user's name on the server: its address as the server sees it, or its IRC nick. */
  String name;
  /** Stopped reading on purpose; not counted. */
  boolean slow;
  /** The user's index among the senders, or -1: an IRC server does not echo a sender its own message. */
  int senderIndex = -1;
  /** Completed on IRC's welcome (001), at once for the chat protocol. */
  private final Promise<Void> registered = Promise.promise();
  private final long[] lastSeq;
  private byte[] carry = new byte[0];
  private int carryLength;

  BenchUser(int index, Shard shard) {
    this.index = index;
    this.shard = shard;
    this.lastSeq = new long[shard.senders()];
    Arrays.fill(lastSeq, -1);
  }

  /**
   * Takes the connection. Over IRC the user registers as {@code nick} ({@link #welcomed} then
   * joins #lobby); with the chat protocol it is named after its address and is registered at once.
   */
  void attach(NetSocket socket, String nick) {
    this.socket = socket;
    // internal: the public NetSocket hands out only Buffers, each a copy of the read
    ((NetSocketInternal) socket).messageHandler(this);
    socket.closeHandler(v -> {
      shard.closed++;
      registered.tryFail("closed before registering");
    });
    if (nick == null) {
      this.name = socket.localAddress().hostAddress() + ":" + socket.localAddress().port();
      registered.complete();
    } else {
      this.name = nick;
      socket.write(Buffer.buffer("NICK " + nick + "\r\nUSER " + nick + " 0 * :vchat bench\r\n"));
    }
  }

  Future<Void> registered() {
    return registered.future();
  }

  /**
   * IRC's 001: the user is registered; it joins #lobby (ngircd needs it; vchat has put it there
   * already and ignores a JOIN of a channel the user is in).
   */
  void welcomed() {
    socket.write(Buffer.buffer("JOIN #lobby\r\n"));
    registered.tryComplete();
  }

  @Override
  public void handle(Object message) {
    try {
      if (!slow && message instanceof ByteBuf data) {
        shard.consume(this, data);
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  /** Records {@code seq} from {@code sender}; false if it is not newer than the last one seen. */
  boolean inOrder(int sender, long seq) {
    if (seq <= lastSeq[sender]) {
      return false;
    }
    lastSeq[sender] = seq;
    return true;
  }

  int carryLength() {
    return carryLength;
  }

  byte[] carried() {
    return carry;
  }

  void carry(byte[] b, int from, int to) {
    int n = to - from;
    if (carry.length < carryLength + n) {
      carry = Arrays.copyOf(carry, Math.max(carryLength + n, 2 * carry.length));
    }
    System.arraycopy(b, from, carry, carryLength, n);
    carryLength += n;
  }

  void clearCarry() {
    carryLength = 0;
  }
}
