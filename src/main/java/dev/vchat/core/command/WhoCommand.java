package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;

/** who */
final class WhoCommand implements Command {

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    return session.room().registry().online().map(users -> {
      for (UserEntry user : users) {
        session.reply(Events.who(user.addr(), user.name()));
      }
      return null;
    });
  }
}
