package dev.vchat.tcp;

import dev.vchat.core.Broadcast;
import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connections of one TCP verticle instance and the one broadcast consumer they share: each
 * {@link Broadcast} (the events of one turn of a room's event loop) is rendered to bytes once
 * and the same buffer written to every online connection, one write per connection.
 */
final class TcpFanout implements Handler<Message<Broadcast>> {

  private final Catalogue catalogue;
  private final Map<String, TcpConnection> connections = new LinkedHashMap<>();
  /** The connections as an array, rebuilt after a change: a write may drop a slow reader mid-loop. */
  private TcpConnection[] snapshot = new TcpConnection[0];
  private boolean changed;

  TcpFanout(Catalogue catalogue) {
    this.catalogue = catalogue;
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
   * Renders the events once into one buffer and writes it to every online connection in one
   * write; a connection whose own session caused some of the events (it showed them already)
   * gets the lines without those.
   */
  @Override
  public void handle(Message<Broadcast> message) {
    List<JsonObject> events = message.body().events();
    Buffer all = Buffer.buffer(events.size() * 96);
    int[] ends = new int[events.size()];
    Set<String> causes = new HashSet<>(4);
    for (int i = 0; i < events.size(); i++) {
      all.appendBytes((catalogue.render(events.get(i)) + "\n").getBytes(StandardCharsets.UTF_8));
      ends[i] = all.length();
      String sid = events.get(i).getString(Events.SID);
      if (sid != null) {
        causes.add(sid);
      }
    }
    if (changed) {
      snapshot = connections.values().toArray(new TcpConnection[0]);
      changed = false;
    }
    for (TcpConnection connection : snapshot) {
      if (!connection.isOnline()) {
        continue;
      }
      if (!causes.contains(connection.sid())) {
        connection.write(all);
      } else {
        Buffer others = without(all, ends, events, connection.sid());
        if (others.length() > 0) {
          connection.write(others);
        }
      }
    }
  }

  /** The lines of {@code all} but those of events caused by session {@code sid}. */
  private static Buffer without(Buffer all, int[] ends, List<JsonObject> events, String sid) {
    Buffer out = Buffer.buffer(all.length());
    int start = 0;
    for (int i = 0; i < ends.length; i++) {
      if (!sid.equals(events.get(i).getString(Events.SID))) {
        out.appendBuffer(all, start, ends[i] - start);
      }
      start = ends[i];
    }
    return out;
  }
}
