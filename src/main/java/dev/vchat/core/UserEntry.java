package dev.vchat.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * One online user as the registry holds it: the session (and so its private address), the
 * display name, the remote address, the node that owns the connection, the rooms the user is in
 * (as each room is displayed; one on TCP and in the browser), the rooms it is an operator of (by
 * {@link Rooms#key}; always some of its rooms, so leaving a room drops the operator status with
 * it), and its user modes (IRC's letters, such as {@code i} invisible and {@code o} IRC operator).
 * Kept in one entry so that one atomic replacement changes them together, cluster-wide.
 */
public record UserEntry(String sid, String name, String addr, String node, List<String> rooms, List<String> ops,
                        String modes) {

  public UserEntry {
    rooms = List.copyOf(rooms);
    List<String> kept = new ArrayList<>(ops.size());
    for (String op : ops) {
      if (isInRooms(rooms, op) && !kept.contains(op)) {
        kept.add(op);
      }
    }
    ops = List.copyOf(kept);
    modes = modes.chars().distinct().sorted()
      .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  /** In {@code rooms}, no operator status, no modes. */
  public UserEntry(String sid, String name, String addr, String node, List<String> rooms) {
    this(sid, name, addr, node, rooms, List.of(), "");
  }

  /** A newcomer: in the lobby. */
  public UserEntry(String sid, String name, String addr, String node) {
    this(sid, name, addr, node, List.of(Rooms.LOBBY));
  }

  public String key() {
    return Names.key(name);
  }

  public UserEntry withName(String newName) {
    return new UserEntry(sid, newName, addr, node, rooms, ops, modes);
  }

  /** In other rooms; operator status stays only for the rooms kept. */
  public UserEntry withRooms(List<String> newRooms) {
    return new UserEntry(sid, name, addr, node, newRooms, ops, modes);
  }

  /** An operator of the room whose key is {@code roomKey} (one of its rooms), or not. */
  public UserEntry withOperator(String roomKey, boolean operator) {
    List<String> newOps = new ArrayList<>(ops);
    newOps.remove(roomKey);
    if (operator) {
      newOps.add(roomKey);
    }
    return new UserEntry(sid, name, addr, node, rooms, newOps, modes);
  }

  /**
   * Just entered the room whose key is {@code roomKey}: whoever enters an empty room is its
   * operator, where rooms have operators (two entering at the same instant may both be, as on an
   * IRC net join).
   */
  public UserEntry withOperatorOnEntry(String roomKey, boolean roomWasEmpty) {
    return withOperator(roomKey, roomWasEmpty && Rooms.hasOperators(roomKey));
  }

  /** With the user mode {@code mode} set or not. */
  public UserEntry withMode(char mode, boolean set) {
    String without = modes.replace(String.valueOf(mode), "");
    return new UserEntry(sid, name, addr, node, rooms, ops, set ? without + mode : without);
  }

  /** Whether the user is in the room whose key ({@link Rooms#key}) is {@code roomKey}. */
  public boolean isIn(String roomKey) {
    return isInRooms(rooms, roomKey);
  }

  /** Whether the user is an operator of the room whose key is {@code roomKey}. */
  public boolean isOperatorOf(String roomKey) {
    return ops.contains(roomKey);
  }

  public boolean hasMode(char mode) {
    return modes.indexOf(mode) >= 0;
  }

  private static boolean isInRooms(List<String> rooms, String roomKey) {
    for (String room : rooms) {
      if (Rooms.key(room).equals(roomKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stored form. Registry values are compared by equality in check-and-set operations, so
   * they are plain strings with a fixed field order; {@code ops} and {@code modes} only when
   * not empty (most users have neither).
   */
  public String encode() {
    JsonObject json = new JsonObject().put("sid", sid).put("name", name).put("addr", addr).put("node", node)
      .put("rooms", new JsonArray(rooms));
    if (!ops.isEmpty()) {
      json.put("ops", new JsonArray(ops));
    }
    if (!modes.isEmpty()) {
      json.put("modes", modes);
    }
    return json.encode();
  }

  public static UserEntry decode(String encoded) {
    JsonObject json = new JsonObject(encoded);
    JsonArray rooms = json.getJsonArray("rooms", new JsonArray().add(Rooms.LOBBY));
    JsonArray ops = json.getJsonArray("ops", new JsonArray());
    return new UserEntry(json.getString("sid"), json.getString("name"), json.getString("addr"), json.getString("node"),
      rooms.stream().map(String.class::cast).toList(), ops.stream().map(String.class::cast).toList(),
      json.getString("modes", ""));
  }
}
