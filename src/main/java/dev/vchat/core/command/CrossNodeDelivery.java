package dev.vchat.core.command;

import dev.vchat.core.Addresses;
import dev.vchat.core.ChatSession;
import dev.vchat.core.ErrorCode;
import dev.vchat.core.Events;
import dev.vchat.core.Recipients;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private line to a user who is not in this node's directory (on another node, or between the
 * registry and the directory): a request to the recipient's private address, named by this node's
 * {@link Recipients} record or else by the registry. To a <em>warm</em> recipient the sender's next
 * line runs at once (the reply is handled when it comes: a failure still tells the sender); to any
 * other the sender waits for the reply, so that the event bus has resolved the address before the
 * sender's next broadcast is published (docs/ARCHITECTURE.md says why).
 */
final class CrossNodeDelivery {

  private static final Logger log = LoggerFactory.getLogger(CrossNodeDelivery.class);

  /** A recipient that does not answer within this is paused or cut off (it is listed all the same). */
  static final long SEND_TIMEOUT_MILLIS = 10_000;

  private CrossNodeDelivery() {
  }

  /** Sends {@code target} to the user whose name has the key {@code key}. */
  static Future<Void> send(ChatSession session, String key, ToCommand.Target target) {
    Recipients.Known known = session.chat().recipients().find(key);
    if (known == null) {
      return lookUp(session, key, target);
    }
    return known.isWarm() ? pipelined(session, key, known, target) : awaited(session, key, known, target, true);
  }

  private static Future<Void> lookUp(ChatSession session, String key, ToCommand.Target target) {
    return session.chat().registry().findByKey(key).transform(found -> {
      if (found.failed()) {
        log.warn("to from {} to {} failed: {}", session.name(), target.name(), found.cause().getMessage());
        return notDelivered(session, target);
      }
      if (found.result().isEmpty()) {
        return ToCommand.notOnline(session, target);
      }
      return awaited(session, key, session.chat().recipients().learn(key, found.result().get()), target, false);
    });
  }

  /**
   * The first line to this recipient from this node (or from an unconfirmed record): the sender's
   * next line waits for the answer. A stale record (the user renamed or left, and the news is on
   * its way) is dropped and the registry asked once.
   */
  private static Future<Void> awaited(ChatSession session, String key, Recipients.Known recipient, ToCommand.Target target,
                                      boolean fromRecord) {
    return request(session, key, recipient, target).transform(delivered -> {
      if (delivered.failed()) {
        session.chat().recipients().forget(recipient);
        if (timedOut(delivered)) {
          return notAnswered(session, target, recipient);
        }
        return fromRecord ? lookUp(session, key, target) : ToCommand.notOnline(session, target);
      }
      recipient.warmUp();
      session.metrics().privateMessage();
      String name = delivered.result().body().getString("name", recipient.name());
      return ToCommand.answer(session, target, Events.privateEcho(name, target.text()));
    });
  }

  /**
   * A warm recipient: echoed at once, named as the record lists it, and the sender's next line
   * runs. A failure that comes later (the recipient left or renamed meanwhile, or its node does
   * not answer) drops the record and tells the sender the line was not delivered.
   */
  private static Future<Void> pipelined(ChatSession session, String key, Recipients.Known recipient, ToCommand.Target target) {
    request(session, key, recipient, target).onComplete(delivered -> {
      if (delivered.succeeded()) {
        session.metrics().privateMessage();
        return;
      }
      session.chat().recipients().forget(recipient);
      if (timedOut(delivered)) {
        notAnswered(session, target, recipient);
      } else if (session.isOnline()) {
        notDelivered(session, target);
      }
    });
    return ToCommand.answer(session, target, Events.privateEcho(recipient.name(), target.text()));
  }

  private static Future<Message<JsonObject>> request(ChatSession session, String key, Recipients.Known recipient,
                                                     ToCommand.Target target) {
    JsonObject message = ToCommand.message(session, target);
    session.chat().flushBroadcasts(); // the sender's earlier broadcasts reach the recipient first
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(SEND_TIMEOUT_MILLIS).addHeader(Recipients.TO_HEADER, key);
    return session.chat().vertx().eventBus().request(Addresses.user(recipient.sid()), message, options);
  }

  private static boolean timedOut(AsyncResult<?> delivered) {
    return delivered.cause() instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT;
  }

  /**
   * The recipient is listed but its session did not answer in time: its node is paused or cut
   * off (it is only declared dead after clusterFailureSeconds). Not "not online": it is.
   */
  private static Future<Void> notAnswered(ChatSession session, ToCommand.Target target, Recipients.Known recipient) {
    log.warn("to from {} to {} ({}) not answered within {} ms", session.name(), target.name(), recipient.where(),
      SEND_TIMEOUT_MILLIS);
    return session.isOnline() ? notDelivered(session, target) : Future.succeededFuture();
  }

  private static Future<Void> notDelivered(ChatSession session, ToCommand.Target target) {
    return ToCommand.answer(session, target, Events.error(ErrorCode.TO_FAILED).put("name", target.name()));
  }
}
