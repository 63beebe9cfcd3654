package dev.vchat.core;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users whose sessions live on this node, by name key ({@link Names#key}): a private message
 * to one of them is handed to its session on its own event loop, with no registry look-up and no
 * event-bus round trip. One per Vert.x instance (in its local shared data, as {@code ChatMetrics}),
 * shared by every verticle instance of the node.
 *
 * <p>The registry stays the source of truth for names, cluster-wide. A session lists itself here
 * when it comes online, moves its listing when a rename has succeeded in the registry, and
 * withdraws it before it releases its name (or as soon as it starts to close), so this map holds
 * a subset of the registry's entries for this node, each at most one event-loop task behind it.
 */
public final class LocalUsers implements Shareable {

  private static final String MAP = "dev.vchat.core.LocalUsers";
  private static final String KEY = "users";

  /** One user of this node as listed under its name's key: the name it holds, its session and the session's event loop. */
  public static final class Listed {
    private final String name;
    private final ChatSession session;
    private final Context context;

    Listed(String name, ChatSession session, Context context) {
      this.name = name;
      this.session = session;
      this.context = context;
    }

    /** The name, as displayed, under which the user was listed. */
    public String name() {
      return name;
    }

    /**
     * Hands a private message from {@code sender} to the user's session, on its event loop, after
     * whatever was queued there before (so after the broadcasts the sender published before it).
     * The user's transport shows it unless the user went offline meanwhile. Counted as the
     * sender's until then: a sender with too many waiting is not read ({@link ChatSession#MAX_HANDED_OVER}).
     */
    public void hand(JsonObject message, ChatSession sender) {
      sender.handingOver();
      context.runOnContext(v -> {
        session.showHandedOver(message);
        sender.handedOverDone();
      });
    }

    /** Whether this is {@code session}'s own listing (a user writing to itself). */
    public boolean isOf(ChatSession other) {
      return session == other;
    }
  }

  private final ConcurrentHashMap<String, Listed> byKey = new ConcurrentHashMap<>();

  private LocalUsers() {
  }

  /** This node's directory (one per Vert.x instance). */
  public static LocalUsers of(Vertx vertx) {
    return (LocalUsers) vertx.sharedData().<String, Object>getLocalMap(MAP).computeIfAbsent(KEY, key -> new LocalUsers());
  }

  /** The user of this node whose name has this key, or null (not online, or on another node). */
  public Listed find(String key) {
    return byKey.get(key);
  }

  /** Lists {@code session} (which runs on {@code context}) under {@code entry}'s name; the registry holds {@code entry}. */
  Listed list(UserEntry entry, ChatSession session, Context context) {
    Listed listed = new Listed(entry.name(), session, context);
    byKey.put(entry.key(), listed);
    return listed;
  }

  /** Withdraws {@code listed} if it is still the one under {@code key} (another user may hold the key by now). */
  void withdraw(String key, Listed listed) {
    byKey.remove(key, listed);
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
    for (Listed local : List.copyOf(byKey.values())) {
      Promise<Outcome> done = Promise.promise();
      local.context.runOnContext(v -> local.session.reclaim().onComplete(kept -> done.complete(
        new Outcome(local.session.isOnline() ? local.session.entry() : null, kept.succeeded() && !kept.result()))));
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
