package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.Membership;
import dev.vchat.core.Rooms;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** join #ROOM, join|#ROOM: leave this room for ROOM (made if needed), then its history. */
final class JoinRoomCommand implements Command {

  private static final Logger log = LoggerFactory.getLogger(JoinRoomCommand.class);

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    String wanted = args.strip();
    if (!Rooms.isValid(wanted)) {
      session.reply(Events.error(ErrorCode.ROOM_INVALID).put("room", wanted));
      return Future.succeededFuture();
    }
    String key = Rooms.key(wanted);
    if (key.equals(session.roomKey())) {
      session.reply(Events.error(ErrorCode.ROOM_SAME).put("room", session.room()));
      return Future.succeededFuture();
    }
    UserEntry current = session.entry();
    // the history is read before the move: once the user is in the room its lines come live, so
    // the history never repeats one, and no live line comes before it
    Future<List<JsonObject>> history = session.chat().history(key, Membership.HISTORY_ON_ENTRY)
      .otherwise(e -> {
        log.warn("history of {} for {} failed: {}", wanted, session.name(), e.getMessage());
        return List.of();
      });
    return history.compose(lines -> session.chat().registry().displayOf(key)
      .compose(display -> {
        UserEntry moved = current.withRooms(List.of(display.orElse(wanted))).withOperatorOnEntry(key, display.isEmpty());
        return session.chat().registry().move(current, moved).map(done -> done ? moved : null);
      })
      .compose(moved -> {
        if (moved == null) {
          return failed(session, wanted, "its entry changed");
        }
        entered(session, current, moved);
        Membership.showHistory(session, lines, moved.rooms().get(0));
        return Future.succeededFuture();
      }, e -> failed(session, wanted, e.getMessage())));
  }

  private static void entered(ChatSession session, UserEntry from, UserEntry to) {
    String left = from.rooms().get(0);
    String room = to.rooms().get(0);
    session.moved(to);
    log.info("{} moves from {} to {}", session.name(), left, room);
    session.chat().publish(Events.left(session.sid(), session.addr(), session.name(), left));
    session.chat().publish(Events.joined(session.sid(), session.addr(), session.name(), room));
    session.reply(Events.roomEntered(room));
  }

  /** Replies the last {@code lines} chat lines of the room, or that it has none. */
  static Future<Void> showHistory(ChatSession session, String roomKey, int lines, String room) {
    return session.chat().history(roomKey, lines).<Void>map(entries -> {
      Membership.showHistory(session, entries, room);
      return null;
    }).recover(e -> {
      log.warn("history of {} for {} failed: {}", room, session.name(), e.getMessage());
      session.reply(Events.historyEmpty(room));
      return Future.succeededFuture();
    });
  }

  private static Future<Void> failed(ChatSession session, String room, String why) {
    log.warn("{} could not join {}: {}", session.name(), room, why);
    session.reply(Events.error(ErrorCode.JOIN_ROOM_FAILED).put("room", room));
    return Future.succeededFuture();
  }
}
