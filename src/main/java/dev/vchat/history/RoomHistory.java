package dev.vchat.history;

import dev.vchat.core.Events;
import dev.vchat.core.Rooms;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last chat lines of each room: a ring of at most {@code lines} events per room, for at most
 * {@code rooms} rooms, the room spoken in least recently forgotten first. Owned by one
 * {@link HistoryVerticle}; not thread-safe.
 */
final class RoomHistory {

  private final int lines;
  private final int rooms;
  /** By room key, in access order: the eldest is the room spoken in (or read) least recently. */
  private final LinkedHashMap<String, ArrayDeque<JsonObject>> rings;

  RoomHistory(int lines, int rooms) {
    this.lines = lines;
    this.rooms = rooms;
    this.rings = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<JsonObject>> eldest) {
        return size() > RoomHistory.this.rooms;
      }
    };
  }

  /** Keeps a chat event (it is shared with other consumers: kept as it is, never changed). */
  void add(JsonObject chat) {
    if (lines == 0) {
      return;
    }
    ArrayDeque<JsonObject> ring = rings.computeIfAbsent(Rooms.key(chat.getString(Events.ROOM)), k -> new ArrayDeque<>());
    if (ring.size() == lines) {
      ring.removeFirst();
    }
    ring.addLast(chat);
  }

  /** The last {@code n} lines of a room, oldest first, without the session ids of their senders. */
  List<JsonObject> last(String roomKey, int n) {
    ArrayDeque<JsonObject> ring = rings.get(roomKey);
    if (ring == null) {
      return List.of();
    }
    List<JsonObject> out = new ArrayList<>(Math.min(n, ring.size()));
    Iterator<JsonObject> newestFirst = ring.descendingIterator();
    for (int i = 0; i < n && newestFirst.hasNext(); i++) {
      JsonObject shown = newestFirst.next().copy();
      shown.remove(Events.SID);
      out.add(0, shown);
    }
    return out;
  }

  /** Everything, for a node that starts later: room key to events, least recently used first. */
  JsonObject snapshot() {
    JsonObject all = new JsonObject();
    rings.forEach((key, ring) -> all.put(key, new JsonArray(new ArrayList<>(ring))));
    return all;
  }

  /**
   * Adds the lines of another node's {@link #snapshot()} that this node does not have (said in the
   * other half of a split cluster): each room's two rings merged by timestamp, this node's line
   * first on a tie, a line kept in both only once, the newest {@code lines} kept. Returns how many
   * lines were added.
   */
  int merge(JsonObject snapshot) {
    int added = 0;
    for (String key : snapshot.fieldNames()) {
      List<JsonObject> theirs = new ArrayList<>();
      snapshot.getJsonArray(key).forEach(event -> theirs.add((JsonObject) event));
      ArrayDeque<JsonObject> ring = rings.get(key);
      List<JsonObject> mine = ring == null ? List.of() : new ArrayList<>(ring);
      Set<String> known = new HashSet<>();
      mine.forEach(event -> known.add(identity(event)));
      List<JsonObject> merged = new ArrayList<>(mine.size() + theirs.size());
      int i = 0;
      for (JsonObject other : theirs) {
        if (!known.add(identity(other))) {
          continue;
        }
        while (i < mine.size() && timestamp(mine.get(i)) <= timestamp(other)) {
          merged.add(mine.get(i++));
        }
        merged.add(other);
        added++;
      }
      merged.addAll(mine.subList(i, mine.size()));
      if (lines > 0 && !merged.isEmpty()) {
        rings.put(key, new ArrayDeque<>(merged.subList(Math.max(0, merged.size() - lines), merged.size())));
      }
    }
    return added;
  }

  /** One chat line, whichever node kept it: its sender's session, its time, its room and its text. */
  private static String identity(JsonObject chat) {
    return chat.getString(Events.SID) + '\u0000' + chat.getValue("ts") + '\u0000' + chat.getString(Events.ROOM)
      + '\u0000' + chat.getString("text");
  }

  private static long timestamp(JsonObject chat) {
    Long ts = chat.getLong("ts");
    return ts == null ? 0 : ts;
  }

  /** Takes a peer's {@link #snapshot()}; lines already kept here (received meanwhile) are not doubled. */
  void restore(JsonObject snapshot) {
    Map<String, ArrayDeque<JsonObject>> mine = new LinkedHashMap<>(rings);
    rings.clear();
    for (String key : snapshot.fieldNames()) {
      ArrayDeque<JsonObject> ring = new ArrayDeque<>();
      snapshot.getJsonArray(key).forEach(event -> ring.addLast((JsonObject) event));
      rings.put(key, ring);
    }
    mine.forEach((key, received) -> received.forEach(event -> {
      ArrayDeque<JsonObject> ring = rings.get(key);
      if (ring == null || !ring.contains(event)) {
        add(event);
      }
    }));
  }
}
