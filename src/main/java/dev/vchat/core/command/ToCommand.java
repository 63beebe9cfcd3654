package dev.vchat.core.command;

import dev.vchat.core.Addresses;
import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** to NAME TEXT, to|NAME|TEXT */
final class ToCommand implements Command {

  enum Syntax { SPACED, PIPED }

  private record Target(String name, String text) {
  }

  private static final Logger log = LoggerFactory.getLogger(ToCommand.class);
  private static final DeliveryOptions DELIVERY = new DeliveryOptions().setSendTimeout(10_000);

  private final Syntax syntax;

  ToCommand(Syntax syntax) {
    this.syntax = syntax;
  }

  @Override
  public Future<Void> execute(ChatSession session, String args) {
    Target target = parse(args);
    if (target == null) {
      session.reply(Events.error(ErrorCode.TO_USAGE));
      return Future.succeededFuture();
    }
    return session.chat().registry().find(target.name()).transform(found -> {
      if (found.failed()) {
        log.warn("to from {} to {} failed: {}", session.name(), target.name(), found.cause().getMessage());
        session.reply(Events.error(ErrorCode.TO_FAILED).put("name", target.name()));
        return Future.succeededFuture();
      }
      if (found.result().isEmpty()) {
        return notOnline(session, target.name());
      }
      UserEntry recipient = found.result().get();
      JsonObject message = Events.privateMessage(session.addr(), session.name(), target.text());
      session.chat().flushBroadcasts(); // the sender's earlier broadcasts reach the recipient first
      return session.chat().vertx().eventBus().<JsonObject>request(Addresses.user(recipient.sid()), message, DELIVERY)
        .transform(delivered -> {
          if (delivered.failed()) {
            return notOnline(session, target.name());
          }
          session.metrics().privateMessage();
          session.reply(Events.privateEcho(delivered.result().body().getString("name", recipient.name()), target.text()));
          return Future.succeededFuture();
        });
    });
  }

  private static Future<Void> notOnline(ChatSession session, String name) {
    session.reply(Events.error(ErrorCode.NOT_ONLINE).put("name", name));
    return Future.succeededFuture();
  }

  /** The name and the whole rest of the line, or null when either is missing. */
  private Target parse(String args) {
    String name;
    String text;
    if (syntax == Syntax.PIPED) {
      int bar = args.indexOf('|');
      if (bar < 0) {
        return null;
      }
      name = args.substring(0, bar).strip();
      text = args.substring(bar + 1);
    } else {
      String rest = args.stripLeading();
      int space = rest.indexOf(' ');
      if (space < 0) {
        return null;
      }
      name = rest.substring(0, space);
      text = rest.substring(space + 1);
    }
    return name.isEmpty() || text.isBlank() ? null : new Target(name, text);
  }
}
