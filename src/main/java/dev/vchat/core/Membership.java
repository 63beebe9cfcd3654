package dev.vchat.core;

import io.vertx.core.Future;
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
      UserEntry moved = current.withRooms(rooms);
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
      session.announce(Events.left(session.sid(), session.addr(), session.name(), room.get()));
      return Future.succeededFuture(true);
    });
  }

  /** A chat line to one of the user's rooms (by its display name); false if the user is not in it. */
  public static boolean say(ChatSession session, String room, String text) {
    String key = Rooms.key(room);
    Optional<String> display = session.rooms().stream().filter(r -> Rooms.key(r).equals(key)).findFirst();
    if (display.isEmpty()) {
      return false;
    }
    session.metrics().messageReceived();
    session.announce(Events.chat(session.sid(), session.addr(), session.name(), text, display.get()));
    return true;
  }
}
