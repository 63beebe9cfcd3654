package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.Membership;
import io.vertx.core.Future;

/** history, history N: the last 20 (or N, at most historyLines) chat lines of this room. */
final class HistoryCommand implements Command {

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    int max = session.chat().config().historyLines();
    int lines = args.isEmpty() ? Math.min(Membership.HISTORY_ON_ENTRY, max) : parse(args);
    if (lines < 1 || lines > max) {
      session.reply(Events.error(ErrorCode.HISTORY_USAGE).put("max", max));
      return Future.succeededFuture();
    }
    return JoinRoomCommand.showHistory(session, session.roomKey(), lines, session.room());
  }

  /** Digits only (the table checked); more than fit in an int is over any maximum. */
  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooBig) {
      return Integer.MAX_VALUE;
    }
  }
}
