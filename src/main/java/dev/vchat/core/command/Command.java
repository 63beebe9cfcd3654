package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import io.vertx.core.Future;

/** One thing a user can do. Commands reply through the session and never see a socket. */
public interface Command {

  /**
   * @param args the rest of the line after the command word and its separator
   *             (for chat, the whole line)
   * @return completes when the next line of the same user may run
   */
  Future<Void> execute(ChatSession session, String args);
}
