package dev.vchat.core;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Being in several rooms at once (IRC users; TCP and browser users stay in one room and move
 * with {@code join}). Entering or leaving a room is one {@code replaceIfPresent} of the user's
 * registry entry, then a {@code joined} or {@code left} notice to that room, shown to the user
 * too. Run from the user's own commands (in order with its other lines).
 */
public final class Membership {

  private static final Logger log = LoggerFactory.getLogger(Membership.class);
  /** History lines shown on entering a room (join, JOIN, back to the lobby after a kick), as {@code history} shows with no number. */
  public static final int HISTORY_ON_ENTRY = 20;

  private Membership() {
  }

  /**
   * Enters {@code wanted} (a valid room name) as well: the room as it is displayed, or empty if
   * the user is in it already. Fails when the registry fails or the entry changed meanwhile.
   */
  public static Future<Optional<String>> enter(ChatSession session, String wanted) {
    String key = Rooms.key(wanted);
    if (session.entry().isIn(key)) {
      return Future.succeededFuture(Optional.empty());
    }
    UserEntry current = session.entry();
    return session.chat().registry().displayOf(key).compose(display -> {
      String room = display.orElse(wanted);
      List<String> rooms = new ArrayList<>(current.rooms());
      rooms.add(room);
      UserEntry moved = current.withRooms(rooms).withOperatorOnEntry(key, display.isEmpty());
      return session.chat().registry().move(current, moved).compose(done -> {
        if (!done) {
          return Future.failedFuture("its registry entry changed");
        }
        session.moved(moved);
        log.info("{} enters {}", session.name(), room);
        session.announce(Events.joined(session.sid(), session.addr(), session.name(), room));
        return Future.succeededFuture(Optional.of(room));
      });
    });
  }

  /** Leaves the room whose key is {@code roomKey}: false if the user is not in it. */
  public static Future<Boolean> part(ChatSession session, String roomKey) {
    return part(session, roomKey, "");
  }

  /** {@link #part(ChatSession, String)}, with the user's reason on the {@code left} notice when not blank. */
  public static Future<Boolean> part(ChatSession session, String roomKey, String reason) {
    UserEntry current = session.entry();
    Optional<String> room = current.rooms().stream().filter(r -> Rooms.key(r).equals(roomKey)).findFirst();
    if (room.isEmpty()) {
      return Future.succeededFuture(false);
    }
    List<String> rooms = new ArrayList<>(current.rooms());
    rooms.remove(room.get());
    UserEntry moved = current.withRooms(rooms);
    return session.chat().registry().move(current, moved).compose(done -> {
      if (!done) {
        return Future.failedFuture("its registry entry changed");
      }
      session.moved(moved);
      log.info("{} leaves {}", session.name(), room.get());
      JsonObject left = Events.left(session.sid(), session.addr(), session.name(), room.get());
      if (!reason.isBlank()) {
        left.put(Events.REASON, reason);
      }
      session.announce(left);
      return Future.succeededFuture(true);
    });
  }

  /**
   * Runs a request another user's session sent to this one ({@link Events#isRequest}): a kick
   * from a room or a change of operator status, on this user's own entry. True if done; false
   * when the user is not in that room.
   */
  public static Future<Boolean> requested(ChatSession session, JsonObject request) {
    String roomKey = Rooms.key(request.getString(Events.ROOM));
    if (!session.entry().isIn(roomKey)) {
      return Future.succeededFuture(false);
    }
    String by = request.getString("by");
    String byAddr = request.getString("byAddr");
    if (Events.OP_REQUEST.equals(Events.type(request))) {
      return setOperator(session, roomKey, request.getBoolean("op"), by, byAddr);
    }
    return kicked(session, roomKey, by, byAddr, request.getString(Events.REASON, ""));
  }

  private static Future<Boolean> setOperator(ChatSession session, String roomKey, boolean op, String by, String byAddr) {
    UserEntry current = session.entry();
    UserEntry changed = current.withOperator(roomKey, op);
    if (changed.equals(current)) {
      return Future.succeededFuture(true);
    }
    String room = displayIn(current, roomKey);
    return session.chat().registry().move(current, changed).compose(done -> {
      if (!done) {
        return Future.failedFuture("its registry entry changed");
      }
      session.moved(changed);
      log.info("{} {} operator of {} (by {})", session.name(), op ? "is now" : "is no longer", room, by);
      session.announce(Events.opChanged(session.sid(), session.addr(), session.name(), room, by, byAddr, op));
      return Future.succeededFuture(true);
    });
  }

  /**
   * Out of the room, and everyone in it told why; a user who is always in one room (TCP,
   * browser) goes back to the lobby, as a {@code join #lobby} would take it (history included).
   */
  private static Future<Boolean> kicked(ChatSession session, String roomKey, String by, String byAddr, String reason) {
    UserEntry current = session.entry();
    String room = displayIn(current, roomKey);
    boolean toLobby = session.inOneRoom();
    List<String> rooms = new ArrayList<>(current.rooms());
    rooms.remove(room);
    if (toLobby) {
      rooms = List.of(Rooms.LOBBY);
    }
    UserEntry moved = current.withRooms(rooms);
    Future<List<JsonObject>> history = toLobby
      ? session.chat().history(Rooms.key(Rooms.LOBBY), HISTORY_ON_ENTRY).otherwise(List.of())
      : Future.succeededFuture(List.of());
    return history.compose(lines -> session.chat().registry().move(current, moved).compose(done -> {
      if (!done) {
        return Future.failedFuture("its registry entry changed");
      }
      session.moved(moved);
      log.info("{} kicked from {} by {}", session.name(), room, by);
      session.announce(Events.kick(session.sid(), session.addr(), session.name(), room, by, byAddr, reason));
      if (toLobby) {
        session.chat().publish(Events.joined(session.sid(), session.addr(), session.name(), Rooms.LOBBY));
        session.reply(Events.roomEntered(Rooms.LOBBY));
        showHistory(session, lines, Rooms.LOBBY);
      }
      return Future.succeededFuture(true);
    }));
  }

  /** Replies a room's history lines to a user who entered it, or that it has none. */
  public static void showHistory(ChatSession session, List<JsonObject> lines, String room) {
    if (lines.isEmpty()) {
      session.reply(Events.historyEmpty(room));
    }
    lines.forEach(line -> session.reply(Events.history(line)));
  }

  private static String displayIn(UserEntry entry, String roomKey) {
    return entry.rooms().stream().filter(r -> Rooms.key(r).equals(roomKey)).findFirst().orElseThrow();
  }

  /** A chat line to one of the user's rooms (by its display name); false if the user is not in it. */
  public static boolean say(ChatSession session, String room, String text) {
    return say(session, room, text, false);
  }

  /** {@link #say(ChatSession, String, String)}; {@code notice}: marked as an IRC NOTICE (shown as chat elsewhere). */
  public static boolean say(ChatSession session, String room, String text, boolean notice) {
    String key = Rooms.key(room);
    Optional<String> display = session.rooms().stream().filter(r -> Rooms.key(r).equals(key)).findFirst();
    if (display.isEmpty()) {
      return false;
    }
    session.metrics().messageReceived();
    JsonObject chat = Events.chat(session.sid(), session.addr(), session.name(), text, display.get());
    if (notice) {
      chat.put(Events.NOTICE, true);
    }
    session.announce(chat);
    return true;
  }
}
