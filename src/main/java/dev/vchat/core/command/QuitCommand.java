package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import io.vertx.core.Future;

/** quit */
final class QuitCommand implements Command {

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    session.end(Events.bye());
    return Future.succeededFuture();
  }
}
