package dev.vchat.history;

import dev.vchat.core.Events;
import dev.vchat.core.Rooms;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
