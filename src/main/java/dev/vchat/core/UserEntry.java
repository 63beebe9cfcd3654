package dev.vchat.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One online user as the registry holds it: the session (and so its private address), the
 * display name, the remote address, the node that owns the connection, and the rooms the user
 * is in (as each room is displayed; one on TCP and in the browser).
 */
public record UserEntry(String sid, String name, String addr, String node, List<String> rooms) {

  public UserEntry {
    rooms = List.copyOf(rooms);
  }

  /** A newcomer: in the lobby. */
  public UserEntry(String sid, String name, String addr, String node) {
    this(sid, name, addr, node, List.of(Rooms.LOBBY));
  }

  public String key() {
    return Names.key(name);
  }

  public UserEntry withName(String newName) {
    return new UserEntry(sid, newName, addr, node, rooms);
  }

  public UserEntry withRooms(List<String> newRooms) {
    return new UserEntry(sid, name, addr, node, newRooms);
  }

  /** Whether the user is in the room whose key ({@link Rooms#key}) is {@code roomKey}. */
  public boolean isIn(String roomKey) {
    for (String room : rooms) {
      if (Rooms.key(room).equals(roomKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stored form. Registry values are compared by equality in check-and-set operations, so
   * they are plain strings with a fixed field order.
   */
  public String encode() {
    return new JsonObject().put("sid", sid).put("name", name).put("addr", addr).put("node", node)
      .put("rooms", new JsonArray(rooms)).encode();
  }

  public static UserEntry decode(String encoded) {
    JsonObject json = new JsonObject(encoded);
    JsonArray rooms = json.getJsonArray("rooms", new JsonArray().add(Rooms.LOBBY));
    return new UserEntry(json.getString("sid"), json.getString("name"), json.getString("addr"), json.getString("node"),
      rooms.stream().map(String.class::cast).toList());
  }
}
