package dev.vchat.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The JSON shapes of everything the chat tells a user, on the bus and off it. Each event has a
 * {@code type}; {@link Catalogue} turns one into a line of text. docs/ARCHITECTURE.md lists them.
 */
public final class Events {

  public static final String TYPE = "type";

  // published on Addresses.BROADCAST
  public static final String ONLINE = "online";
  public static final String OFFLINE = "offline";
  public static final String CHAT = "chat";
  public static final String RENAME = "rename";
  public static final String JOINED = "joined";
  public static final String LEFT = "left";
  /** A user was kicked from {@code room} by {@code by} (an operator), with a {@code reason}. */
  public static final String KICK = "kick";
  /** A user was made an operator of {@code room} by {@code by}. */
  public static final String OPPED = "opped";
  /** A user is no longer an operator of {@code room}, by {@code by}. */
  public static final String DEOPPED = "deopped";

  // sent to one user's private address by another user's session, run by the receiving session
  /** Leave {@code room}: an operator ({@code by}, {@code byAddr}) kicked you, with a {@code reason}. */
  public static final String KICK_REQUEST = "kick-request";
  /** Become ({@code op} true) or stop being an operator of {@code room}, by {@code by}, {@code byAddr}. */
  public static final String OP_REQUEST = "op-request";
  /** On a user's private address: answer with your name, show nothing ({@link #warmUp()}). */
  public static final String WARM_UP = "warm-up";

  // sent to one user
  public static final String WHO = "who";
  public static final String ROOM_ENTERED = "room-entered";
  public static final String HISTORY = "history";
  public static final String HISTORY_EMPTY = "history-empty";
  public static final String ROOM_LISTED = "room-listed";
  public static final String RENAMED = "renamed";
  /** The user's name went to another user while the cluster was split; a {@link #RENAMED} follows. */
  public static final String NAME_LOST = "name-lost";
  public static final String PRIVATE = "private";
  public static final String PRIVATE_ECHO = "private-echo";
  public static final String KICKED = "kicked";
  public static final String KICKED_FLOOD = "kicked-flood";
  public static final String BYE = "bye";
  public static final String HELP = "help";
  public static final String SHUTDOWN = "shutdown";
  public static final String ERROR = "error";

  private Events() {
  }

  /**
   * Broadcast events name the session they come from in {@code sid}: that session shows the
   * event to its own user directly (or, for a rename, shows {@link #renamed} instead), in order
   * with its other replies, and the fan-out skips it.
   */
  public static final String SID = "sid";

  /**
   * Who a broadcast is for: {@code room}, one room (chat, joined, left), or {@code rooms}, the
   * rooms of the user it is about (online, offline, rename). A transport shows it to the users
   * in that room or those rooms.
   */
  public static final String ROOM = "room";
  public static final String ROOMS = "rooms";
  /** Optional, in {@code left} and {@code offline}: why, as the user said it (IRC's PART and QUIT); lines on TCP do not show it. */
  public static final String REASON = "reason";
  /** Optional, {@code true} in a {@code chat} or {@code private} event sent as an IRC NOTICE; shown like any other elsewhere. */
  public static final String NOTICE = "notice";
  /** In a {@link #HISTORY} event: the chat event it repeats. */
  public static final String ENTRY = "entry";

  /** A newcomer, in the lobby. */
  public static JsonObject online(String sid, String addr, String name) {
    return of(ONLINE).put(SID, sid).put("addr", addr).put("name", name).put(ROOMS, new JsonArray().add(Rooms.LOBBY));
  }

  /** A newcomer in {@code rooms} (an IRC user may start in none). */
  public static JsonObject online(String sid, String addr, String name, List<String> rooms) {
    return of(ONLINE).put(SID, sid).put("addr", addr).put("name", name).put(ROOMS, new JsonArray(rooms));
  }

  public static JsonObject offline(String sid, String addr, String name, List<String> rooms) {
    return of(OFFLINE).put(SID, sid).put("addr", addr).put("name", name).put(ROOMS, new JsonArray(rooms));
  }

  /** A chat line in {@code room}, stamped with the server's time (epoch millis). */
  public static JsonObject chat(String sid, String addr, String name, String text, String room) {
    return of(CHAT).put(SID, sid).put("addr", addr).put("name", name).put("text", text).put(ROOM, room)
      .put("ts", System.currentTimeMillis());
  }

  public static JsonObject rename(String sid, String addr, String oldName, String newName, List<String> rooms) {
    return of(RENAME).put(SID, sid).put("addr", addr).put("old", oldName).put("name", newName)
      .put(ROOMS, new JsonArray(rooms));
  }

  public static JsonObject joined(String sid, String addr, String name, String room) {
    return of(JOINED).put(SID, sid).put("addr", addr).put("name", name).put(ROOM, room);
  }

  public static JsonObject left(String sid, String addr, String name, String room) {
    return of(LEFT).put(SID, sid).put("addr", addr).put("name", name).put(ROOM, room);
  }

  public static JsonObject kick(String sid, String addr, String name, String room, String by, String byAddr, String reason) {
    return of(KICK).put(SID, sid).put("addr", addr).put("name", name).put(ROOM, room).put("by", by).put("byAddr", byAddr)
      .put(REASON, reason);
  }

  public static JsonObject opChanged(String sid, String addr, String name, String room, String by, String byAddr, boolean op) {
    return of(op ? OPPED : DEOPPED).put(SID, sid).put("addr", addr).put("name", name).put(ROOM, room).put("by", by)
      .put("byAddr", byAddr);
  }

  public static JsonObject kickRequest(String room, String by, String byAddr, String reason) {
    return of(KICK_REQUEST).put(ROOM, room).put("by", by).put("byAddr", byAddr).put(REASON, reason);
  }

  public static JsonObject opRequest(String room, String by, String byAddr, boolean op) {
    return of(OP_REQUEST).put(ROOM, room).put("by", by).put("byAddr", byAddr).put("op", op);
  }

  /**
   * A request to a user's private address that its session answers with its name and shows
   * nothing: another node resolves the address before its users write to it ({@link RecipientsFeed}).
   */
  public static JsonObject warmUp() {
    return of(WARM_UP);
  }

  /** Whether a message on a user's private address is a request for its session to run, not something to show. */
  public static boolean isRequest(JsonObject event) {
    String type = type(event);
    return KICK_REQUEST.equals(type) || OP_REQUEST.equals(type);
  }

  public static JsonObject roomEntered(String room) {
    return of(ROOM_ENTERED).put(ROOM, room);
  }

  /** A chat line said before: {@code entry} is its chat event (without its sid). */
  public static JsonObject history(JsonObject entry) {
    return of(HISTORY).put(ENTRY, entry);
  }

  public static JsonObject historyEmpty(String room) {
    return of(HISTORY_EMPTY).put(ROOM, room);
  }

  public static JsonObject roomListed(String room, int users) {
    return of(ROOM_LISTED).put(ROOM, room).put("users", users);
  }

  /** The rooms a broadcast is for (see {@link #ROOM}). */
  public static List<String> audience(JsonObject event) {
    String room = event.getString(ROOM);
    if (room != null) {
      return List.of(room);
    }
    JsonArray rooms = event.getJsonArray(ROOMS);
    return rooms == null ? List.of() : rooms.stream().map(String.class::cast).toList();
  }

  public static JsonObject who(String addr, String name) {
    return of(WHO).put("addr", addr).put("name", name);
  }

  public static JsonObject renamed(String name) {
    return of(RENAMED).put("name", name);
  }

  public static JsonObject nameLost(String name) {
    return of(NAME_LOST).put("name", name);
  }

  public static JsonObject privateMessage(String fromAddr, String from, String text) {
    return of(PRIVATE).put("addr", fromAddr).put("from", from).put("text", text);
  }

  public static JsonObject privateEcho(String to, String text) {
    return of(PRIVATE_ECHO).put("to", to).put("text", text);
  }

  public static JsonObject kicked(int seconds) {
    return of(KICKED).put("seconds", seconds);
  }

  /** The last line of a user disconnected for flooding. */
  public static JsonObject kickedFlood() {
    return of(KICKED_FLOOD);
  }

  public static JsonObject bye() {
    return of(BYE);
  }

  public static JsonObject shutdown() {
    return of(SHUTDOWN);
  }

  public static JsonObject help() {
    return of(HELP);
  }

  public static JsonObject error(ErrorCode code) {
    return of(ERROR).put("code", code.code());
  }

  public static String type(JsonObject event) {
    return event.getString(TYPE);
  }

  private static JsonObject of(String type) {
    return new JsonObject().put(TYPE, type);
  }
}
