package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** rooms: one line per room that has users, with how many, sorted ignoring case. */
final class RoomsCommand implements Command {

  private static final Logger log = LoggerFactory.getLogger(RoomsCommand.class);

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    return session.chat().registry().rooms().<Void>map(rooms -> {
      rooms.forEach(count -> session.reply(Events.roomListed(count.room(), count.users())));
      return null;
    }).recover(e -> {
      log.warn("rooms of {} failed: {}", session.name(), e.getMessage());
      session.reply(Events.error(ErrorCode.ROOMS_FAILED));
      return Future.succeededFuture();
    });
  }
}
