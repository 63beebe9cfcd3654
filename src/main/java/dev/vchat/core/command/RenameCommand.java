package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.Names;
import dev.vchat.core.UserEntry;
import dev.vchat.core.UserRegistry;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** rename NEW, rename|NEW */
final class RenameCommand implements Command {

  private static final Logger log = LoggerFactory.getLogger(RenameCommand.class);

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    String wanted = args.strip();
    if (wanted.isEmpty()) {
      session.reply(Events.error(ErrorCode.RENAME_USAGE));
      return Future.succeededFuture();
    }
    if (!Names.isValid(wanted)) {
      log.info("refused rename of {} to invalid name {}", session.name(), wanted);
      session.reply(Events.error(ErrorCode.NAME_INVALID).put("name", wanted));
      return Future.succeededFuture();
    }
    UserEntry current = session.entry();
    UserEntry next = current.withName(wanted);
    UserRegistry registry = session.chat().registry();
    return registry.rename(current, next).transform(renamed -> {
      if (renamed.failed()) {
        log.warn("rename of {} to {} failed: {}", current.name(), wanted, renamed.cause().getMessage());
        session.reply(Events.error(ErrorCode.RENAME_FAILED));
        // the user keeps the old name; its next line waits until the registry says so again
        return registry.undoRename(current, next);
      }
      if (!renamed.result()) {
        log.info("refused rename of {} to {}: taken", current.name(), wanted);
        session.reply(Events.error(ErrorCode.NAME_TAKEN).put("name", wanted));
        return Future.succeededFuture();
      }
      session.renamed(next);
      session.metrics().renamed();
      session.reply(Events.renamed(wanted));
      if (!wanted.equals(current.name())) {
        log.info("rename {} to {}", current.name(), wanted);
        session.chat().publish(Events.rename(session.sid(), session.addr(), current.name(), wanted, next.rooms()));
      }
      return Future.succeededFuture();
    });
  }
}
