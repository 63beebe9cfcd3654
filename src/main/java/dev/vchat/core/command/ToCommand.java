package dev.vchat.core.command;

import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.LocalUsers;
import dev.vchat.core.NameKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * to NAME TEXT, to|NAME|TEXT; and {@link #notice}, the same private line marked as an IRC NOTICE,
 * which is never answered (no echo, no error).
 */
public final class ToCommand implements Command {

  enum Syntax { SPACED, PIPED }

  record Target(String name, String text, boolean notice) {
  }

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
    return send(session, target);
  }

  /** A private line from a transport that has parsed its own syntax (IRC's PRIVMSG): as {@code to NAME TEXT}. */
  public static Future<Void> privateLine(ChatSession session, String name, String text) {
    if (name.isEmpty() || text.isBlank()) {
      session.reply(Events.error(ErrorCode.TO_USAGE));
      return Future.succeededFuture();
    }
    return send(session, new Target(name, text, false));
  }

  /** An IRC NOTICE to a nick's user: delivered as a private line would be, in the same order; nothing comes back. */
  public static Future<Void> notice(ChatSession session, String name, String text) {
    return name.isEmpty() || text.isBlank() ? Future.succeededFuture() : send(session, new Target(name, text, true));
  }

  private static Future<Void> send(ChatSession session, Target target) {
    String key = NameKeys.of(target.name());
    LocalUsers.Listed local = session.chat().localUsers().find(key);
    if (local != null) {
      return handOver(session, local, target);
    }
    return CrossNodeDelivery.send(session, key, target);
  }

  /**
   * A recipient on this node: handed to its session on its event loop, no reply awaited; the echo
   * names the recipient as the directory lists it. The sender's broadcasts published before it
   * are queued on that event loop before it, so they reach the recipient first.
   */
  private static Future<Void> handOver(ChatSession session, LocalUsers.Listed recipient, Target target) {
    JsonObject message = message(session, target);
    if (recipient.isOf(session)) {
      session.reply(message); // to oneself: shown first, as when it goes round the bus
      session.metrics().privateMessage();
    } else {
      session.chat().flushBroadcasts();
      recipient.hand(message, session);
    }
    return answer(session, target, Events.privateEcho(recipient.name(), target.text()));
  }

  static Future<Void> notOnline(ChatSession session, Target target) {
    return answer(session, target, Events.error(ErrorCode.NOT_ONLINE).put("name", target.name()));
  }

  static JsonObject message(ChatSession session, Target target) {
    JsonObject message = Events.privateMessage(session.addr(), session.name(), target.text());
    return target.notice() ? message.put(Events.NOTICE, true) : message;
  }

  /** Tells the sender how it went (its echo, or an error), unless it sent a NOTICE. */
  static Future<Void> answer(ChatSession session, Target target, JsonObject event) {
    if (!target.notice()) {
      session.reply(event);
    }
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
    return name.isEmpty() || text.isBlank() ? null : new Target(name, text, false);
  }
}
