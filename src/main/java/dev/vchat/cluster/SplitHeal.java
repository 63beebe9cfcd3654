package dev.vchat.cluster;

import dev.vchat.core.Addresses;
import dev.vchat.core.Broadcast;
import dev.vchat.core.Events;
import dev.vchat.core.LocalUsers;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the chat back together when a split cluster heals. While split, each half swept the
 * other half's users (they left everyone's view there); Hazelcast's merge then makes one cluster
 * again: the members of one half ("the merging half") drop their data and join the other, whose
 * registry they fill with their own entries where a name is free.
 *
 * <p>Each merging node, once Hazelcast says MERGED, puts every one of its users back in the
 * registry (a name now held by another user stays that user's, and ours is renamed:
 * {@link dev.vchat.core.ChatSession#reclaim()}), then asks each node it had swept
 * ({@link Addresses#heal}) to heal with it, sending its users and its history. That node does the
 * same re-claim, shows its own users the merging node's users as {@code online}, keeps the lines
 * of history it did not have, and replies with its own users and history, which the merging node
 * shows and keeps likewise. Announcements are published on one node only, for the nodes it had
 * swept: exactly the users who had been told those users left see them come back. Owned by the
 * {@link DepartedNodeSweeper}, on its event loop.
 */
final class SplitHeal {

  private static final Logger log = LoggerFactory.getLogger(SplitHeal.class);
  private static final long HEAL_TIMEOUT_MILLIS = 10_000;
  private static final long RETRY_MILLIS = 1_000;
  private static final int MAX_ATTEMPTS = 30;

  private final Vertx vertx;
  private final String node;
  /** Nodes this node swept as gone: their users were announced gone here, and will be announced back. */
  private final Set<String> swept = new HashSet<>();

  SplitHeal(Vertx vertx, String node) {
    this.vertx = vertx;
    this.node = node;
  }

  void swept(Set<String> nodes) {
    swept.addAll(nodes);
  }

  /** Hazelcast merged this node into the other half; {@code members} are the cluster's nodes now. */
  void merged(List<String> members) {
    Set<String> back = new HashSet<>(swept);
    back.retainAll(members);
    LocalUsers.of(vertx).reclaimAll()
      .onSuccess(reclaimed -> {
        log.info("cluster healed: merged back with the nodes {}; {} users of this node back in the registry, {} of them renamed "
          + "(their names were kept by the other half)", back, reclaimed.users().size(), reclaimed.renamed());
        back.forEach(other -> askToHeal(other, reclaimed.users(), 1));
      })
      .onFailure(e -> log.error("could not put the users back after the heal: {}", e.getMessage()));
  }

  /**
   * A node of the merging half asks this one to heal with it:
   * {@code {"node": ID, "users": [its users' entries], "rings": its history}}; replies with the same
   * of this node.
   */
  void answer(Message<JsonObject> request) {
    JsonObject body = request.body();
    String other = body.getString("node");
    LocalUsers.of(vertx).reclaimAll()
      .compose(reclaimed -> mergeHistory(body.getJsonObject("rings")).compose(added -> {
        int announced = announceBack(other, body.getJsonArray("users"));
        log.info("cluster healed: node {} is back; {} of its users announced back, {} lines of its history added, "
          + "{} users of this node renamed (their names were kept by the other half)", other, announced, added, reclaimed.renamed());
        return snapshot().map(rings -> new JsonObject().put("node", node).put("users", encode(reclaimed.users())).put("rings", rings));
      }))
      .onSuccess(request::reply)
      .onFailure(e -> {
        log.error("could not heal with node {}: {}", other, e.getMessage());
        request.fail(500, e.getMessage());
      });
  }

  private void askToHeal(String other, List<UserEntry> users, int attempt) {
    snapshot()
      .compose(rings -> vertx.eventBus().<JsonObject>request(Addresses.heal(other),
        new JsonObject().put("node", node).put("users", encode(users)).put("rings", rings),
        new DeliveryOptions().setSendTimeout(HEAL_TIMEOUT_MILLIS)))
      .compose(reply -> mergeHistory(reply.body().getJsonObject("rings")).map(added -> {
        int announced = announceBack(other, reply.body().getJsonArray("users"));
        log.info("cluster healed with node {}: {} of its users announced back, {} lines of its history added", other, announced, added);
        return null;
      }))
      .onFailure(e -> {
        // right after the merge this node's event bus may not see the other node's addresses yet
        if (attempt >= MAX_ATTEMPTS) {
          log.error("could not heal with node {}: {}", other, e.getMessage());
          return;
        }
        vertx.setTimer(RETRY_MILLIS, id -> askToHeal(other, users, attempt + 1));
      });
  }

  /**
   * Shows this node's users, as {@code online}, the users of {@code other} (as that node has them
   * after the heal), if this node had swept {@code other}: they were told its users left (and
   * never heard of those who joined it during the split). Published on this node only.
   */
  private int announceBack(String other, JsonArray users) {
    if (!swept.remove(other) || users == null || users.isEmpty()) {
      return 0;
    }
    List<JsonObject> events = users.stream()
      .map(user -> UserEntry.decode((String) user))
      .map(user -> Events.online(user.sid(), user.addr(), user.name(), user.rooms()))
      .toList();
    vertx.eventBus().publish(Addresses.BROADCAST, new Broadcast(events), new DeliveryOptions().setLocalOnly(true));
    return events.size();
  }

  private static JsonArray encode(List<UserEntry> users) {
    JsonArray encoded = new JsonArray();
    users.forEach(user -> encoded.add(user.encode()));
    return encoded;
  }

  private Future<JsonObject> snapshot() {
    return vertx.eventBus().<JsonObject>request(Addresses.HISTORY_SNAPSHOT, new JsonObject()).map(Message::body);
  }

  private Future<Integer> mergeHistory(JsonObject rings) {
    if (rings == null) {
      return Future.succeededFuture(0);
    }
    return vertx.eventBus().<JsonObject>request(Addresses.HISTORY_MERGE, rings).map(reply -> reply.body().getInteger("added"));
  }
}
