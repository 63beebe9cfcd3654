package dev.vchat.cluster;

import dev.vchat.core.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure that what a stopping node published last (its users' offline notices) reached the
 * other nodes before its event bus closes. The clustered event bus sends to each node over one
 * connection, in order, and opens that connection on the first message; closing the event bus
 * drops what still waits for a connection to open. A node started a moment before (a rolling
 * restart) had no connection yet, so it never heard that the next node's users left. A stopping
 * node therefore asks every other node for an empty answer at its own address
 * ({@link Addresses#node}): the request travels behind everything sent to that node before it, so
 * the answer means all of it arrived.
 */
public final class PeerFlush {

  private static final Logger log = LoggerFactory.getLogger(PeerFlush.class);
  private static final long ANSWER_TIMEOUT_MILLIS = 3_000;

  private PeerFlush() {
  }

  /** Answers the flushes of other nodes at this node's address; nothing to do when not clustered. */
  public static Future<Void> answer(Vertx vertx) {
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster == null) {
      return Future.succeededFuture();
    }
    return vertx.eventBus().consumer(Addresses.node(cluster.getNodeId()), request -> request.reply(null)).completion();
  }

  /**
   * Completes when every other member has answered (or did not within 3 s, logged): call it after
   * the last publish and before the event bus closes. Never fails.
   */
  public static Future<Void> flush(Vertx vertx) {
    // internal: Vert.x 5.0.7 has no public way from a Vertx to its cluster manager
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster == null) {
      return Future.succeededFuture();
    }
    List<Future<?>> answers = new ArrayList<>();
    DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(ANSWER_TIMEOUT_MILLIS);
    for (String node : cluster.getNodes()) {
      if (!node.equals(cluster.getNodeId())) {
        answers.add(vertx.eventBus().request(Addresses.node(node), null, timeout).onFailure(e -> {
          // no handler: that node is stopping too (or runs no chat); there is nobody left to tell
          if (!(e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS)) {
            log.warn("node {} did not confirm it got this node's last messages: {}", node, e.getMessage());
          }
        }));
      }
    }
    return Future.join(answers).<Void>mapEmpty().otherwiseEmpty();
  }
}
