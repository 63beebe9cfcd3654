package dev.vchat.core;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Takes out of this node's {@link Recipients} every user that renames or leaves, as the news
 * arrives. One per verticle instance, registered on the broadcast address before the instance's
 * fan-out: a consumer's messages run on its event loop in the order the consumers registered,
 * so by the time a user of this instance has seen {@code bob:is now eve} or {@code bob:offline},
 * {@code to bob} no longer finds bob's session in the record. Only broadcasts that carry
 * {@link #PRESENCE_HEADER} are read: a chat batch costs this consumer no decoding.
 */
final class RecipientsWatch implements Handler<Message<Broadcast>> {

  /** Header of a broadcast that holds an online, offline or rename event. */
  static final String PRESENCE_HEADER = "presence";

  private final Recipients recipients;

  RecipientsWatch(Recipients recipients) {
    this.recipients = recipients;
  }

  /** How a batch is published: with {@link #PRESENCE_HEADER} when someone in it comes online, renames or leaves. */
  static DeliveryOptions deliveryOf(List<JsonObject> events) {
    for (JsonObject event : events) {
      if (changesPresence(event) || Events.ONLINE.equals(Events.type(event))) {
        return new DeliveryOptions().addHeader(PRESENCE_HEADER, "1");
      }
    }
    return null;
  }

  @Override
  public void handle(Message<Broadcast> message) {
    if (!message.headers().contains(PRESENCE_HEADER)) {
      return;
    }
    for (JsonObject event : message.body().events()) {
      if (changesPresence(event)) {
        recipients.gone(event.getString(Events.SID));
      }
    }
  }

  private static boolean changesPresence(JsonObject event) {
    String type = Events.type(event);
    return Events.OFFLINE.equals(type) || Events.RENAME.equals(type);
  }
}
