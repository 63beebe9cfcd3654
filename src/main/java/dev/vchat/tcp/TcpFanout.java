package dev.vchat.tcp;

import dev.vchat.core.Broadcast;
import dev.vchat.core.Catalogue;
import dev.vchat.metrics.ChatMetrics;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections of one TCP verticle instance and the one broadcast consumer they share.
 *
 * <p>Each {@link Broadcast} is rendered to bytes once per node and language (the rendering is
 * kept in the immutable {@code Broadcast}, so the other TCP instances of this node reuse it) and
 * queued. The queue is flushed by a task put on this instance's event loop when the first
 * broadcast arrives: broadcasts that arrive before that task runs (a burst, or a backlog while
 * the loop is busy writing) are written together, one write per connection per flush. So the
 * batches grow exactly when the server falls behind, and cost no latency when it does not.
 *
 * <p>A line written to one connection directly ({@link #catchUp} before it) must not overtake
 * broadcasts queued before it: the connection is first written its share of the queue, and
 * marked, so that the flush only writes it the rest.
 */
final class TcpFanout implements Handler<Message<Broadcast>> {

  private static final TcpConnection[] NONE = new TcpConnection[0];

  private final Context context;
  private final Catalogue catalogue;
  private final ChatMetrics metrics;
  /** The key of this fan-out's rendering in a {@link Broadcast}: equal for all TCP instances of one language. */
  private final Object renderKey;
  private final Map<String, TcpConnection> connections = new LinkedHashMap<>();
  /** The connections as an array, rebuilt after a change: a write may drop a slow reader mid-loop. */
  private TcpConnection[] snapshot = NONE;
  private boolean changed;
  /** Broadcasts received and not yet flushed, in order. */
  private final List<RenderedLines> queued = new ArrayList<>();
  /** Counts flushes: a connection's mark is only valid for the queue of the generation it was made in. */
  private long generation;
  private boolean flushScheduled;
  /** Lines and bytes written since the last report to the metrics (once per flush or catch-up). */
  private long linesWritten;
  private long bytesWritten;

  TcpFanout(Context context, Catalogue catalogue, ChatMetrics metrics) {
    this.context = context;
    this.catalogue = catalogue;
    this.metrics = metrics;
    this.renderKey = List.of(TcpFanout.class.getName(), catalogue.language());
  }

  void add(TcpConnection connection) {
    connections.put(connection.sid(), connection);
    changed = true;
  }

  void remove(TcpConnection connection) {
    connections.remove(connection.sid());
    changed = true;
  }

  /** A copy: connections remove themselves as they close. */
  List<TcpConnection> connections() {
    return new ArrayList<>(connections.values());
  }

  @Override
  public void handle(Message<Broadcast> message) {
    queued.add(message.body().derived(renderKey, events -> RenderedLines.render(catalogue, events)));
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  /** Writes {@code connection} what is queued and it was not written yet; call it before writing it directly. */
  void catchUp(TcpConnection connection) {
    Cursor cursor = connection.fanoutCursor();
    int from = cursor.written(generation);
    if (from < queued.size()) {
      String room = connection.roomKey();
      RenderedLines rest = RenderedLines.concat(queued.subList(from, queued.size()).stream().map(part -> part.forRoom(room)).toList());
      writeTo(connection, rest, 0, rest.causedBy(connection.sid()));
      reportWritten();
    }
    cursor.mark(generation, queued.size());
  }

  /** {@code connection} is not to get what is queued now (it was not online when it came). */
  void skipQueued(TcpConnection connection) {
    connection.fanoutCursor().mark(generation, queued.size());
  }

  /**
   * Writes the queued lines of each connection's room (one buffer per room, made once per flush)
   * to every online connection in one write; a connection that was caught up gets only the rest,
   * and one whose own session caused some of the events (it showed them already) gets the lines
   * without those.
   */
  private void flush() {
    flushScheduled = false;
    if (queued.isEmpty()) {
      return;
    }
    List<RenderedLines> batchesOfFlush = List.copyOf(queued);
    int batches = queued.size();
    long flushed = generation;
    queued.clear();
    generation++;
    if (changed) {
      snapshot = connections.values().toArray(NONE);
      changed = false;
    }
    markCauses(batchesOfFlush, flushed);
    Map<String, RoomLines> byRoom = new HashMap<>(4);
    try {
      for (TcpConnection connection : snapshot) {
        if (!connection.isOnline()) {
          continue;
        }
        Cursor cursor = connection.fanoutCursor();
        int from = cursor.written(flushed);
        if (from == batches) {
          continue;
        }
        RoomLines room = byRoom.computeIfAbsent(connection.roomKey(), key -> RoomLines.of(batchesOfFlush, key));
        if (room.lines.lines() > 0) {
          writeTo(connection, room, room.firstLineOf[from], cursor.causedIn(flushed));
        }
      }
    } finally {
      byRoom.values().forEach(room -> room.shared.close());
    }
    reportWritten();
  }

  /** A flush's lines for one room, where each of its batches starts among them, and their shared off-heap copy. */
  private record RoomLines(RenderedLines lines, int[] firstLineOf, SharedLines shared) {
    static RoomLines of(List<RenderedLines> batches, String roomKey) {
      List<RenderedLines> parts = batches.stream().map(batch -> batch.forRoom(roomKey)).toList();
      RenderedLines lines = RenderedLines.concat(parts);
      return new RoomLines(lines, firstLines(parts), new SharedLines(lines.all()));
    }
  }

  /** A flush's write: the shared copy, unless the connection caused some of the lines (it is written the others). */
  private void writeTo(TcpConnection connection, RoomLines room, int from, boolean causedSome) {
    if (causedSome) {
      // slices of the shared copy around the connection's own lines: in a join storm most
      // connections caused a line of the flush, and a copy of the rest each was most of its garbage
      int[] ranges = room.lines.rangesFor(connection.sid(), from);
      if (ranges.length > 0 && connection.write(room.shared, ranges)) {
        linesWritten += room.lines.countFor(connection.sid(), from);
        bytesWritten += SharedLines.length(ranges);
      }
      return;
    }
    int start = room.lines.startOf(from);
    if (start < room.shared.length() && connection.write(room.shared, start)) {
      linesWritten += room.lines.lines() - from;
      bytesWritten += room.shared.length() - start;
    }
  }

  /** Writes the lines from line {@code from} on (but the connection's own, if it caused some), and tallies them. */
  private void writeTo(TcpConnection connection, RenderedLines lines, int from, boolean causedSome) {
    int count = causedSome ? lines.countFor(connection.sid(), from) : lines.lines() - from;
    if (count == 0) {
      return;
    }
    Buffer buffer = lines.linesFor(connection.sid(), from, causedSome);
    if (connection.write(buffer)) {
      linesWritten += count;
      bytesWritten += buffer.length();
    }
  }

  /** One metrics update per flush or catch-up, not per connection: the counters are shared by the event loops. */
  private void reportWritten() {
    if (linesWritten > 0) {
      metrics.tcpDelivered(linesWritten, bytesWritten);
      linesWritten = 0;
      bytesWritten = 0;
    }
  }

  /** Where each queued batch starts among the concatenated lines (one more entry: the end). */
  private static int[] firstLines(List<RenderedLines> parts) {
    int[] first = new int[parts.size() + 1];
    for (int i = 0; i < parts.size(); i++) {
      first[i + 1] = first[i] + parts.get(i).lines();
    }
    return first;
  }

  /** Marks this instance's connections among the sessions that caused events of the flush. */
  private void markCauses(List<RenderedLines> batches, long flushed) {
    for (RenderedLines batch : batches) {
      for (String sid : batch.causes()) {
        TcpConnection connection = connections.get(sid);
        if (connection != null) {
          connection.fanoutCursor().caused(flushed);
        }
      }
    }
  }

  /**
   * Where one connection stands in the fan-out's queue: how many of the queued broadcasts it was
   * written already (by {@link #catchUp}) and whether it caused some of the flush's lines. Each
   * figure holds for one generation of the queue only. Used on the instance's event loop only.
   */
  static final class Cursor {
    private long generation = -1;
    private int written;
    private long causedGeneration = -1;

    int written(long generation) {
      return this.generation == generation ? written : 0;
    }

    void mark(long generation, int written) {
      this.generation = generation;
      this.written = written;
    }

    void caused(long generation) {
      causedGeneration = generation;
    }

    boolean causedIn(long generation) {
      return causedGeneration == generation;
    }
  }
}
