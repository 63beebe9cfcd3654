package dev.vchat.core;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users online on this node (one per Vert.x, in its local shared data), each with the event
 * loop its session lives on: when a split cluster heals, the node puts each of them back in the
 * registry ({@link ChatSession#reclaim()}), on that session's own event loop.
 */
public final class LocalSessions implements Shareable {

  private static final String MAP = "vchat.sessions";
  private static final String KEY = "sessions";

  private record Local(ChatSession session, Context context) {
  }

  private final Map<String, Local> online = new ConcurrentHashMap<>();

  private LocalSessions() {
  }

  public static LocalSessions of(Vertx vertx) {
    LocalMap<String, Object> map = vertx.sharedData().getLocalMap(MAP);
    if (map.get(KEY) instanceof LocalSessions sessions) {
      return sessions;
    }
    synchronized (LocalSessions.class) {
      if (map.get(KEY) instanceof LocalSessions sessions) {
        return sessions;
      }
      LocalSessions sessions = new LocalSessions();
      map.put(KEY, sessions);
      return sessions;
    }
  }

  void add(ChatSession session, Context context) {
    online.put(session.sid(), new Local(session, context));
  }

  void remove(ChatSession session) {
    online.remove(session.sid());
  }

  /** How many users are online on this node. */
  public int size() {
    return online.size();
  }

  /** After {@link #reclaimAll()}: this node's users as the registry now holds them, and how many were renamed. */
  public record Reclaimed(List<UserEntry> users, int renamed) {
  }

  /**
   * Every user of this node re-claims its entry ({@link ChatSession#reclaim()}), on its own event
   * loop; completes when all have.
   */
  public Future<Reclaimed> reclaimAll() {
    List<Future<Outcome>> reclaims = new ArrayList<>();
    for (Local local : online.values()) {
      Promise<Outcome> done = Promise.promise();
      local.context().runOnContext(v -> local.session().reclaim().onComplete(kept -> done.complete(
        new Outcome(local.session().isOnline() ? local.session().entry() : null, kept.succeeded() && !kept.result()))));
      reclaims.add(done.future());
    }
    return Future.join(reclaims).transform(ignored -> {
      List<UserEntry> users = new ArrayList<>();
      int renamed = 0;
      for (Future<Outcome> reclaim : reclaims) {
        Outcome outcome = reclaim.result();
        if (outcome.entry() != null) {
          users.add(outcome.entry());
        }
        renamed += outcome.renamed() ? 1 : 0;
      }
      return Future.succeededFuture(new Reclaimed(users, renamed));
    });
  }

  private record Outcome(UserEntry entry, boolean renamed) {
  }
}
