package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** who: the users in the asker's room */
final class WhoCommand implements Command {

  private static final Logger log = LoggerFactory.getLogger(WhoCommand.class);

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    return session.chat().registry().inRoom(session.roomKey()).<Void>map(users -> {
      for (UserEntry user : users) {
        session.reply(Events.who(user.addr(), user.name()));
      }
      return null;
    }).recover(e -> {
      log.warn("who of {} failed: {}", session.name(), e.getMessage());
      session.reply(Events.error(ErrorCode.WHO_FAILED));
      return Future.succeededFuture();
    });
  }
}
