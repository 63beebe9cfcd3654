package dev.vchat.irc;

import dev.vchat.core.Broadcast;
import dev.vchat.metrics.ChatMetrics;
import dev.vchat.tcp.SharedLines;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connections of one IRC verticle instance and their broadcast consumer, as TcpFanout is
 * for TCP: each batch is rendered into IRC lines once per node ({@link IrcLines}) and queued; one
 * task on the instance's event loop flushes the queue, one write per connection, with the lines
 * of that connection's rooms. Connections in the same rooms that caused none of the lines share
 * one buffer. A direct write to a connection first calls {@link #catchUp}, so that no reply
 * overtakes a broadcast that reached the node before it.
 */
final class IrcFanout implements Handler<Message<Broadcast>> {

  /** The rendering's key in a {@link Broadcast}: the same for every IRC instance of the node. */
  private static final Object RENDER_KEY = IrcFanout.class.getName();

  private final Context context;
  private final ChatMetrics metrics;
  private final Map<String, IrcConnection> connections = new LinkedHashMap<>();
  private final List<IrcLines> queued = new ArrayList<>();
  /** The sequence number of queued.get(0); the next batch gets firstSeq + queued.size(). */
  private long firstSeq;
  private boolean flushScheduled;

  IrcFanout(Context context, ChatMetrics metrics) {
    this.context = context;
    this.metrics = metrics;
  }

  void add(IrcConnection connection) {
    connections.put(connection.sid(), connection);
  }

  void remove(IrcConnection connection) {
    connections.remove(connection.sid());
  }

  List<IrcConnection> connections() {
    return new ArrayList<>(connections.values());
  }

  @Override
  public void handle(Message<Broadcast> message) {
    queued.add(message.body().derived(RENDER_KEY, IrcLines::render));
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  private long endSeq() {
    return firstSeq + queued.size();
  }

  /** Writes {@code connection} the queued lines it was not written yet. */
  void catchUp(IrcConnection connection) {
    writeRest(connection, null, Set.of());
  }

  /** {@code connection} is not to get what is queued now. */
  void skipQueued(IrcConnection connection) {
    connection.fanoutSeq = endSeq();
  }

  private void flush() {
    flushScheduled = false;
    if (queued.isEmpty()) {
      return;
    }
    Map<String, Lines> shared = new HashMap<>(4);
    Set<String> causes = new HashSet<>(4);
    for (IrcLines batch : queued) {
      for (IrcLines.Line line : batch.lines()) {
        if (line.sid() != null) {
          causes.add(line.sid());
        }
      }
    }
    try {
      for (IrcConnection connection : connections()) {
        if (connection.isOnline()) {
          writeRest(connection, shared, causes);
        }
      }
    } finally {
      shared.values().forEach(lines -> lines.shared().close());
    }
    firstSeq = endSeq();
    queued.clear();
  }

  /**
   * Writes the connection its lines from its mark to the end of the queue, in one write. A
   * connection that gets the whole queue shares the buffer of its rooms ({@code shared}) unless
   * some of the lines are its own.
   */
  private void writeRest(IrcConnection connection, Map<String, Lines> shared, Set<String> causes) {
    int from = (int) Math.max(0, connection.fanoutSeq - firstSeq);
    connection.fanoutSeq = endSeq();
    if (from >= queued.size()) {
      return;
    }
    String sid = connection.sid();
    boolean whole = from == 0 && shared != null && !causes.contains(sid);
    String roomsKey = whole ? connection.roomKeysSignature() : null;
    Lines lines = whole ? shared.get(roomsKey) : null;
    if (lines == null) {
      Buffer buffer = Buffer.buffer();
      int count = 0;
      for (int i = from; i < queued.size(); i++) {
        count += queued.get(i).appendFor(buffer, sid, connection.roomKeys());
      }
      lines = new Lines(buffer, count, whole ? new SharedLines(buffer) : null);
      if (whole) {
        shared.put(roomsKey, lines);
      }
    }
    if (lines.count() > 0 && (lines.shared() != null ? connection.write(lines.shared()) : connection.write(lines.buffer()))) {
      metrics.tcpDelivered(lines.count(), lines.buffer().length());
    }
  }

  /** Lines for one set of rooms, how many, and (when several connections share them) their off-heap copy. */
  private record Lines(Buffer buffer, int count, SharedLines shared) {
  }
}
