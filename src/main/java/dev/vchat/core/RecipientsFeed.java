package dev.vchat.core;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the users of the other nodes from their {@code online} and {@code rename} broadcasts
 * into this node's {@link Recipients}, and warms each one up: a {@code warm-up} request to its
 * private address, which its session answers (under that name) without showing anything. Once
 * answered, this node's event bus has resolved the address, and a private line to that user is
 * sent without waiting, from the first one. One per clustered node; the only consumer that adds
 * records from broadcasts (the {@link RecipientsWatch}es only take records out), so records are
 * added in the order the news arrives.
 */
public final class RecipientsFeed implements Handler<Message<Broadcast>> {

  private static final Logger log = LoggerFactory.getLogger(RecipientsFeed.class);
  private static final long WARM_UP_TIMEOUT_MILLIS = 10_000;

  private final Vertx vertx;
  private final Recipients recipients;
  private final LocalUsers localUsers;

  private RecipientsFeed(Vertx vertx) {
    this.vertx = vertx;
    this.recipients = Recipients.of(vertx);
    this.localUsers = LocalUsers.of(vertx);
  }

  /** Registers this node's feed on the broadcast address, on the caller's context. */
  public static Future<Void> start(Vertx vertx) {
    return vertx.eventBus().consumer(Addresses.BROADCAST, new RecipientsFeed(vertx)).completion();
  }

  @Override
  public void handle(Message<Broadcast> message) {
    if (!message.headers().contains(RecipientsWatch.PRESENCE_HEADER)) {
      return;
    }
    for (JsonObject event : message.body().events()) {
      String type = Events.type(event);
      if (Events.ONLINE.equals(type)) {
        learn(event.getString(Events.SID), event.getString("name"));
      } else if (Events.RENAME.equals(type)) {
        recipients.gone(event.getString(Events.SID));
        learn(event.getString(Events.SID), event.getString("name"));
      } else if (Events.OFFLINE.equals(type)) {
        recipients.gone(event.getString(Events.SID));
      }
    }
  }

  private void learn(String sid, String name) {
    String key = NameKeys.of(name);
    if (localUsers.find(key) != null) {
      return; // a user of this node: reached through the directory
    }
    Recipients.Known known = recipients.learn(key, name, sid, null);
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(WARM_UP_TIMEOUT_MILLIS).addHeader(Recipients.TO_HEADER, key);
    vertx.eventBus().request(Addresses.user(sid), Events.warmUp(), options).onComplete(answered -> {
      if (answered.succeeded()) {
        known.warmUp();
      } else {
        // renamed or gone meanwhile (the news follows), or its node is slow: the first line waits instead
        recipients.forget(known);
        log.debug("warm-up of {} not answered: {}", name, answered.cause().getMessage());
      }
    });
  }
}
