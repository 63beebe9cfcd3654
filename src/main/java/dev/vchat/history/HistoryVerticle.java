package dev.vchat.history;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.core.Broadcast;
import dev.vchat.core.Events;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the history of the rooms on this node (one instance per node): it consumes the
 * broadcasts like a transport does and keeps the chat lines in a {@link RoomHistory}; sessions
 * on any event loop read it with a local request to {@link Addresses#HISTORY_READ}.
 *
 * <p>Across a cluster every node keeps its own copy, fed by the same broadcasts, so reading it
 * costs no network trip; a node that starts later asks a peer for its copy first
 * ({@link Addresses#HISTORY_SYNC}), keeping what it receives meanwhile. A cluster-wide
 * structure (a Hazelcast ring per room) would cost a network write per chat line on the
 * fan-out's path; this costs one snapshot per node start.
 *
 * <p>A copy must come from a node whose own history is whole. In a rolling restart every node is
 * restarted in turn and holds only what it copied: one that started empty because its peer did not
 * answer in time (a loaded machine) would hand that emptiness on to the next, and the room's history
 * would be gone by the end of the round. So a failed copy is tried again (the event bus picks the
 * peers in turn), and a node that could not get one says so to anyone asking it, instead of
 * answering with nothing.
 */
public final class HistoryVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(HistoryVerticle.class);
  private static final long SYNC_TIMEOUT_MILLIS = 5_000;
  private static final int SYNC_ATTEMPTS = 3;
  private static final long SYNC_RETRY_MILLIS = 500;
  /** The failure code of a node asked for its copy while its own is not whole. */
  static final int INCOMPLETE = 503;

  private RoomHistory history;
  /** False only when peers existed but none gave a copy: what this node has is not the room's whole history. */
  private boolean whole = true;

  @Override
  public Future<?> start() {
    ChatConfig config = ChatConfig.fromJson(config());
    history = new RoomHistory(config.historyLines(), config.maxRooms());
    Broadcast.registerCodec(vertx);
    return vertx.eventBus().<Broadcast>consumer(Addresses.BROADCAST, this::keep).completion()
      .compose(v -> vertx.eventBus().<JsonObject>localConsumer(Addresses.HISTORY_READ, this::read).completion())
      .compose(v -> vertx.eventBus().<JsonObject>localConsumer(Addresses.HISTORY_SNAPSHOT, this::share).completion())
      .compose(v -> vertx.eventBus().<JsonObject>localConsumer(Addresses.HISTORY_MERGE, this::merge).completion())
      .compose(v -> syncFromPeer())
      .compose(v -> vertx.eventBus().<JsonObject>consumer(Addresses.HISTORY_SYNC, this::share).completion());
  }

  private void keep(Message<Broadcast> message) {
    for (JsonObject event : message.body().events()) {
      if (Events.CHAT.equals(Events.type(event))) {
        history.add(event);
      }
    }
  }

  /** {@code {"room": KEY, "lines": N}}: replies {@code {"lines": [chat events, oldest first]}}. */
  private void read(Message<JsonObject> request) {
    JsonObject body = request.body();
    request.reply(new JsonObject().put("lines",
      new JsonArray(history.last(body.getString("room"), body.getInteger("lines")))));
  }

  private void share(Message<JsonObject> request) {
    if (whole) {
      request.reply(history.snapshot());
    } else {
      request.fail(INCOMPLETE, "this node's history is not whole: it got no copy when it started");
    }
  }

  /** After a split heals: the other half's lines join this node's rings; replies {@code {"added": N}}. */
  private void merge(Message<JsonObject> request) {
    request.reply(new JsonObject().put("added", history.merge(request.body())));
  }

  /** A node that starts after others takes their history; the first node (or a lone one) starts empty. */
  private Future<Void> syncFromPeer() {
    if (!vertx.isClustered()) {
      return Future.succeededFuture();
    }
    return syncFromPeer(1);
  }

  private Future<Void> syncFromPeer(int attempt) {
    return vertx.eventBus().<JsonObject>request(Addresses.HISTORY_SYNC, new JsonObject(),
        new DeliveryOptions().setSendTimeout(SYNC_TIMEOUT_MILLIS))
      .map(reply -> {
        history.restore(reply.body());
        log.info("history of {} rooms taken from a peer{}", reply.body().size(), attempt > 1 ? " (try " + attempt + ")" : "");
        return (Void) null;
      })
      .recover(e -> {
        if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
          // no other node keeps a history (the first node, or all start together): empty is the truth
          log.info("history starts empty: no peer keeps one");
          return Future.succeededFuture();
        }
        if (attempt < SYNC_ATTEMPTS) {
          return vertx.timer(SYNC_RETRY_MILLIS).compose(t -> syncFromPeer(attempt + 1));
        }
        whole = false;
        log.warn("history not whole: no peer gave a copy after {} tries ({}); this node keeps only what is said from now on"
          + " and gives no copy to others", attempt, e.getMessage());
        return Future.succeededFuture();
      });
  }
}
