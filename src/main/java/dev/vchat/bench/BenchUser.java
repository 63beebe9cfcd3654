package dev.vchat.bench;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Handler;
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
  /** The user's name on the server: its address as the server sees it. */
  String name;
  /** Stopped reading on purpose; not counted. */
  boolean slow;
  private final long[] lastSeq;
  private byte[] carry = new byte[0];
  private int carryLength;

  BenchUser(int index, Shard shard) {
    this.index = index;
    this.shard = shard;
    this.lastSeq = new long[shard.senders()];
    Arrays.fill(lastSeq, -1);
  }

  void attach(NetSocket socket) {
    this.socket = socket;
    this.name = socket.localAddress().hostAddress() + ":" + socket.localAddress().port();
    // internal: the public NetSocket hands out only Buffers, each a copy of the read
    ((NetSocketInternal) socket).messageHandler(this);
    socket.closeHandler(v -> shard.closed++);
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
