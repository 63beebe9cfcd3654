package dev.vchat.irc;

import io.vertx.core.Future;

/** One IRC command: runs in the user's session, in order with its other lines. */
@FunctionalInterface
interface IrcHandler {

  /** Completes when the user's next line may run. */
  Future<Void> handle(IrcClient client, IrcMessage message);
}
