package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import io.vertx.core.Future;

/** Any other text: broadcast to everyone in the sender's room, the sender too. */
final class ChatCommand implements Command {

  @Override
  public Future<Void> execute(ChatSession session, String text) {
    session.metrics().messageReceived();
    session.announce(Events.chat(session.sid(), session.addr(), session.name(), text, session.room()));
    return Future.succeededFuture();
  }
}
