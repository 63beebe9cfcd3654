package dev.vchat.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.vchat.config.ChatConfig;
import dev.vchat.core.Addresses;
import dev.vchat.core.ChatInstance;
import dev.vchat.core.Events;
import dev.vchat.core.UserEntry;
import dev.vchat.core.UserRegistry;
import dev.vchat.core.UserStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * When a cluster member is gone (crash, kill -9, network loss), its users must leave: every
 * survivor hears of it and removes the entries that node owned from the registry. Each removal
 * is atomic ({@code removeIfPresent}), so whichever survivor removes an entry sends its leave
 * notice, and it is sent exactly once. On start, entries of nodes that are no longer members are
 * swept too. Runs only on a clustered Vert.x with the Hazelcast cluster manager.
 */
public final class DepartedNodeSweeper extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(DepartedNodeSweeper.class);

  /** The member attribute where HazelcastClusterManager keeps the Vert.x node id (getNodeId()). */
  private static final String VERTX_NODE_ID_ATTRIBUTE = "__vertx.nodeId";
  private static final int MAX_ATTEMPTS = 30;
  private static final long RETRY_MILLIS = 500;
  private static final int UNROUTE_ATTEMPTS = 50;
  private static final long UNROUTE_POLL_MILLIS = 100;
  private static final long ROUTES_SETTLE_MILLIS = 200;

  private final UserStore store;
  private HazelcastInstance hazelcast;
  private UUID listenerId;
  private UUID lifecycleListenerId;
  private ClusterManager clusterManager;
  private UserRegistry registry;
  private ChatInstance chat;
  private SplitHeal heal;
  /**
   * Between Hazelcast's MERGING and MERGED this node leaves its half and joins the other: members
   * it reports gone meanwhile are not gone.
   */
  private volatile boolean merging;

  public DepartedNodeSweeper(UserStore store) {
    this.store = store;
  }

  @Override
  public Future<?> start() {
    // internal: Vert.x 5.0.7 has no public way from a Vertx to its cluster manager
    clusterManager = ((VertxInternal) vertx).clusterManager();
    if (!(clusterManager instanceof HazelcastClusterManager hazelcastManager)) {
      return Future.succeededFuture();
    }
    hazelcast = hazelcastManager.getHazelcastInstance();
    return ChatInstance.openPublisher(vertx, ChatConfig.fromJson(config()), store).compose(opened -> {
      chat = opened;
      registry = opened.registry();
      heal = new SplitHeal(vertx, clusterManager.getNodeId());
      lifecycleListenerId = hazelcast.getLifecycleService().addLifecycleListener(event -> {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
          merging = true;
          log.warn("cluster split healing: this node leaves its half and merges into the other (Hazelcast MERGING)");
        } else if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
          merging = false;
          List<String> members = clusterManager.getNodes();
          context.runOnContext(v -> heal.merged(members));
        } else if (event.getState() == LifecycleEvent.LifecycleState.MERGE_FAILED) {
          merging = false;
          log.error("cluster split: Hazelcast's merge failed; the halves stay apart until its next try");
        }
      });
      listenerId = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
        @Override
        public void memberAdded(MembershipEvent event) {
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
          String node = event.getMember().getAttribute(VERTX_NODE_ID_ATTRIBUTE);
          if (node != null && !merging) {
            context.runOnContext(v -> awaitUnrouted(node, 1).onComplete(done -> sweepWithRetries(Set.of(node), 1)));
          }
        }
      });
      return vertx.eventBus().<JsonObject>consumer(Addresses.heal(clusterManager.getNodeId()), heal::answer)
        .completion()
        .compose(v -> sweepAbsentNodes(clusterManager.getNodes()));
    });
  }

  @Override
  public Future<?> stop() {
    if (hazelcast != null && listenerId != null && hazelcast.getLifecycleService().isRunning()) {
      hazelcast.getCluster().removeMembershipListener(listenerId);
      hazelcast.getLifecycleService().removeLifecycleListener(lifecycleListenerId);
    }
    return Future.succeededFuture();
  }

  /**
   * Waits (up to 5 s) until this node's event bus no longer sends the broadcasts to {@code node}.
   * Its connection to that node stays open until the event bus's own ping gives up (40 s), and
   * what is written to it meanwhile is delivered if the node was only cut off and comes back: a
   * leave notice sent too early would reach that node's own users, about users who never left.
   */
  private Future<Void> awaitUnrouted(String node, int attempt) {
    Promise<List<RegistrationInfo>> registrations = Promise.promise();
    clusterManager.getRegistrations(Addresses.BROADCAST, registrations);
    return registrations.future().compose(found -> {
      if (found.stream().noneMatch(registration -> node.equals(registration.nodeId()))) {
        // the event bus's own view follows the cluster manager's within 20 ms (its throttle)
        return vertx.timer(ROUTES_SETTLE_MILLIS).mapEmpty();
      }
      if (attempt >= UNROUTE_ATTEMPTS) {
        log.warn("node {} still receives broadcasts after {} ms: its users' leave notices go out all the same", node,
          attempt * UNROUTE_POLL_MILLIS);
        return Future.succeededFuture();
      }
      return vertx.timer(UNROUTE_POLL_MILLIS).compose(v -> awaitUnrouted(node, attempt + 1));
    });
  }

  private Future<Void> sweepAbsentNodes(List<String> members) {
    return registry.online().compose(users -> {
      Set<String> absent = new HashSet<>();
      for (UserEntry user : users) {
        if (!members.contains(user.node())) {
          absent.add(user.node());
        }
      }
      if (!absent.isEmpty()) {
        sweepWithRetries(absent, 1);
      }
      return Future.<Void>succeededFuture();
    });
  }

  /**
   * Right after a member dies, the cluster may still route map operations to it while its
   * partitions move; those fail, so the sweep is tried again.
   */
  private void sweepWithRetries(Set<String> departed, int attempt) {
    // a node back in the cluster (a healed split) keeps its users: it puts them back itself
    Set<String> goneNodes = new HashSet<>(departed);
    goneNodes.removeAll(clusterManager.getNodes());
    if (goneNodes.isEmpty() || merging) {
      if (!merging) {
        log.info("node {} is a member again: its users stay", departed);
      }
      return;
    }
    heal.swept(goneNodes);
    sweep(goneNodes).onFailure(e -> {
      if (attempt >= MAX_ATTEMPTS) {
        log.error("could not remove the users of departed node {}: {}", goneNodes, e.getMessage());
        return;
      }
      vertx.setTimer(RETRY_MILLIS, id -> sweepWithRetries(goneNodes, attempt + 1));
    });
  }

  private Future<Void> sweep(Set<String> goneNodes) {
    return registry.online().compose(users -> {
      List<Future<Boolean>> removals = users.stream()
        .filter(user -> goneNodes.contains(user.node()))
        .map(this::remove)
        .toList();
      return Future.join(removals).map(done -> {
        long removed = removals.stream().filter(f -> f.succeeded() && f.result()).count();
        if (removed > 0) {
          log.info("node {} gone: {} of its users left", goneNodes, removed);
        }
        return null;
      });
    });
  }

  private Future<Boolean> remove(UserEntry user) {
    return registry.release(user).onSuccess(released -> {
      if (released) {
        chat.publish(Events.offline(user.sid(), user.addr(), user.name(), user.rooms()));
      }
    });
  }
}
