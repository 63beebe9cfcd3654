package dev.vchat.tcp;

import dev.vchat.core.Broadcast;
import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import dev.vchat.metrics.ChatMetrics;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections of one TCP verticle instance and the one broadcast consumer they share: each
 * {@link Broadcast} (the events of one turn of a room's event loop) is rendered to bytes once
 * per node and language (the rendering is kept in the immutable {@link Broadcast}, so the other
 * TCP instances of this node reuse it) and the same buffer written to every online connection,
 * one write per connection.
 */
final class TcpFanout implements Handler<Message<Broadcast>> {

  private static final TcpConnection[] NONE = new TcpConnection[0];

  private final Catalogue catalogue;
  private final ChatMetrics metrics;
  /** The key of this fan-out's rendering in a {@link Broadcast}: equal for all TCP instances of one language. */
  private final Object renderKey;
  private final Map<String, TcpConnection> connections = new LinkedHashMap<>();
  /** The connections as an array, rebuilt after a change: a write may drop a slow reader mid-loop. */
  private TcpConnection[] snapshot = NONE;
  private boolean changed;

  TcpFanout(Catalogue catalogue, ChatMetrics metrics) {
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

  /**
   * Writes the batch's lines (rendered once) to every online connection in one write; a
   * connection whose own session caused some of the events (it showed them already) gets the
   * lines without those.
   */
  @Override
  public void handle(Message<Broadcast> message) {
    Rendered rendered = message.body().derived(renderKey, this::render);
    if (changed) {
      snapshot = connections.values().toArray(NONE);
      changed = false;
    }
    TcpConnection[] causing = causing(rendered.causes);
    long events = 0;
    long bytes = 0;
    for (TcpConnection connection : snapshot) {
      if (!connection.isOnline()) {
        continue;
      }
      if (causing.length == 0 || !contains(causing, connection)) {
        if (connection.write(rendered.all)) {
          events += rendered.ends.length;
          bytes += rendered.all.length();
        }
      } else {
        Buffer others = rendered.without(connection.sid());
        if (others.length() > 0 && connection.write(others)) {
          events += rendered.ends.length - rendered.causedBy(connection.sid());
          bytes += others.length();
        }
      }
    }
    metrics.tcpDelivered(events, bytes);
  }

  /** This instance's connections among the sessions that caused events of the batch (usually none or one). */
  private TcpConnection[] causing(String[] causes) {
    TcpConnection[] found = NONE;
    int n = 0;
    for (String sid : causes) {
      TcpConnection connection = connections.get(sid);
      if (connection != null) {
        if (n == found.length) {
          found = Arrays.copyOf(found, Math.max(4, n * 2));
        }
        found[n++] = connection;
      }
    }
    return n == found.length ? found : Arrays.copyOf(found, n);
  }

  private static boolean contains(TcpConnection[] connections, TcpConnection connection) {
    for (TcpConnection c : connections) {
      if (c == connection) {
        return true;
      }
    }
    return false;
  }

  private Rendered render(List<JsonObject> events) {
    Buffer all = Buffer.buffer(events.size() * 96);
    int[] ends = new int[events.size()];
    String[] sids = new String[events.size()];
    List<String> causes = new ArrayList<>(2);
    for (int i = 0; i < events.size(); i++) {
      all.appendBytes((catalogue.render(events.get(i)) + "\n").getBytes(StandardCharsets.UTF_8));
      ends[i] = all.length();
      String sid = events.get(i).getString(Events.SID);
      sids[i] = sid;
      if (sid != null && !causes.contains(sid)) {
        causes.add(sid);
      }
    }
    return new Rendered(all, ends, sids, causes.toArray(new String[0]));
  }

  /**
   * A batch rendered in one language: all its lines, where each ends, which session caused each
   * and the distinct causes. Immutable once built (read by the TCP instances' event loops).
   */
  private record Rendered(Buffer all, int[] ends, String[] sids, String[] causes) {

    /** How many of the lines session {@code sid} caused. */
    int causedBy(String sid) {
      int n = 0;
      for (String cause : sids) {
        if (sid.equals(cause)) {
          n++;
        }
      }
      return n;
    }

    /** The lines but those of events caused by session {@code sid}. */
    Buffer without(String sid) {
      Buffer out = Buffer.buffer(all.length());
      int start = 0;
      for (int i = 0; i < ends.length; i++) {
        if (!sid.equals(sids[i])) {
          out.appendBuffer(all, start, ends[i] - start);
        }
        start = ends[i];
      }
      return out;
    }
  }
}
