package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import io.vertx.core.Future;

/** help */
final class HelpCommand implements Command {

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    session.reply(Events.help());
    return Future.succeededFuture();
  }
}
