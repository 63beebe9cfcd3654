package dev.vchat.core;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The online users, in Vert.x shared data: local to one Vert.x instance, cluster-wide when
 * clustered. Every change is one atomic step on the name's key ({@link Names#key}: names that look
 * alike share it), so two users racing for a name, or for look-alikes of it, cannot both get it.
 */
public final class UserRegistry {

  private static final Logger log = LoggerFactory.getLogger(UserRegistry.class);

  /** An entry with its sort key, computed once per entry rather than once per comparison. */
  private record Listed(String order, UserEntry entry) {
  }

  private static final Comparator<Listed> BY_NAME =
    Comparator.comparing(Listed::order).thenComparing(listed -> listed.entry().name());
  /** A clean-up that failed is tried again after this, then after twice as long each time ... */
  private static final long FIRST_RETRY_MILLIS = 250;
  /** ... up to this. */
  private static final long MAX_RETRY_MILLIS = 4_000;

  private final Vertx vertx;
  private final AsyncMap<String, String> users;

  private UserRegistry(Vertx vertx, AsyncMap<String, String> users) {
    this.vertx = vertx;
    this.users = users;
  }

  public static Future<UserRegistry> open(Vertx vertx, UserStore store) {
    return store.open(vertx).map(users -> new UserRegistry(vertx, users));
  }

  /** Takes the entry's name; false when someone else holds it. */
  public Future<Boolean> claim(UserEntry entry) {
    return users.putIfAbsent(entry.key(), entry.encode()).map(previous -> previous == null);
  }

  /**
   * Moves {@code current} to {@code next}'s name; false when that name is someone else's. A
   * failed future when the registry failed: then a step may be half done, and the caller must
   * {@link #undoRename} before anything else.
   */
  public Future<Boolean> rename(UserEntry current, UserEntry next) {
    if (current.key().equals(next.key())) { // the same name spelt otherwise: case, width, look-alikes
      return users.replaceIfPresent(current.key(), current.encode(), next.encode());
    }
    return claim(next).compose(claimed -> claimed
      ? users.removeIfPresent(current.key(), current.encode()).map(true)
      : Future.succeededFuture(false));
  }

  /**
   * After a failed {@link #rename}: {@code current} holds its name again and {@code next}'s name
   * is free. A step that failed may have been applied all the same, so both are put right, and
   * this is retried until it succeeds. Removals compare the whole entry (session id included): no
   * one else's entry is ever touched.
   */
  public Future<Void> undoRename(UserEntry current, UserEntry next) {
    String what = "undo the rename of " + current.name() + " to " + next.name();
    return retried(what, what + " done", () -> {
      if (current.key().equals(next.key())) {
        return users.replaceIfPresent(next.key(), next.encode(), current.encode()).mapEmpty();
      }
      return users.removeIfPresent(next.key(), next.encode())
        .compose(removed -> users.putIfAbsent(current.key(), current.encode()))
        .map(holder -> {
          if (holder != null && !holder.equals(current.encode())) {
            log.warn("{} lost the name to another user while a rename failed", current.name());
          }
          return null;
        });
    });
  }

  /** Removes the entry if it is still this one: one attempt. */
  public Future<Boolean> release(UserEntry entry) {
    return users.removeIfPresent(entry.key(), entry.encode());
  }

  /**
   * {@link #release}, tried again while it fails (after 0.25 s, doubling up to 4 s) until it
   * succeeds, or the caller's verticle is undeployed (its timers go with it). A name is never
   * left taken by nobody. Logged when it first fails and when it finally succeeds.
   */
  public Future<Boolean> releaseWithRetries(UserEntry entry) {
    return retried("release " + entry.name(), "released " + entry.name(), () -> release(entry));
  }

  /**
   * After a split cluster heals: puts {@code entry} back if the other half swept it. True when
   * the user holds its name again (the entry was there, is put back, or an older entry of the same
   * session is replaced by it); false when another user's entry holds the name: that user keeps it
   * (docs/CLUSTER.md: the registry's holder after Hazelcast's merge wins). Tried again while the
   * registry fails, as a release is.
   */
  public Future<Boolean> reclaim(UserEntry entry) {
    // right after a merge, operations can fail while partitions move: a user must not be left out
    return retried("re-claim " + entry.name(), "re-claimed " + entry.name(), () -> reclaimOnce(entry));
  }

  private Future<Boolean> reclaimOnce(UserEntry entry) {
    String mine = entry.encode();
    return users.putIfAbsent(entry.key(), mine).compose(holder -> {
      if (holder == null || holder.equals(mine)) {
        return Future.succeededFuture(true);
      }
      if (entry.sid().equals(UserEntry.decode(holder).sid())) {
        return users.replaceIfPresent(entry.key(), holder, mine).compose(replaced -> replaced
          ? Future.succeededFuture(true)
          : reclaimOnce(entry));
      }
      return Future.succeededFuture(false);
    });
  }

  /**
   * For a user whose name went to someone else: claims its initial name ({@code addr}), or
   * {@code addr-2} ... {@code addr-10} when that is taken, as a newcomer's join does; empty when
   * none is free.
   */
  public Future<Optional<UserEntry>> claimFreeName(UserEntry entry, String addr) {
    return retried("find a free name for " + addr, "found a free name for " + addr, () -> claimFreeName(entry, addr, 1));
  }

  private Future<Optional<UserEntry>> claimFreeName(UserEntry entry, String addr, int attempt) {
    if (attempt > 10) {
      return Future.succeededFuture(Optional.empty());
    }
    UserEntry candidate = entry.withName(attempt == 1 ? addr : addr + "-" + attempt);
    // as a re-claim: a try that failed but was written all the same counts as this user's
    return reclaimOnce(candidate).compose(claimed -> claimed
      ? Future.succeededFuture(Optional.of(candidate))
      : claimFreeName(entry, addr, attempt + 1));
  }

  public Future<Optional<UserEntry>> find(String name) {
    return findByKey(Names.key(name));
  }

  /** The user holding the name whose key ({@link Names#key}) is {@code key}. */
  public Future<Optional<UserEntry>> findByKey(String key) {
    return users.get(key).map(found -> Optional.ofNullable(found).map(UserEntry::decode));
  }

  /** Everyone online, sorted by name ignoring case and width ({@link Names#sortKey}). */
  public Future<List<UserEntry>> online() {
    return users.values().map(values -> values.stream()
      .map(UserEntry::decode)
      .map(entry -> new Listed(Names.sortKey(entry.name()), entry))
      .sorted(BY_NAME)
      .map(Listed::entry)
      .toList());
  }

  /** Everyone online in one room (by {@link Rooms#key}), sorted as {@link #online()}. */
  public Future<List<UserEntry>> inRoom(String roomKey) {
    return online().map(users -> users.stream().filter(user -> user.isIn(roomKey)).toList());
  }

  /**
   * Moves a user to other rooms: one atomic replacement of its entry. False if the entry is no
   * longer {@code current} (it was swept, or the user is leaving); a failed future when the
   * registry failed, in which case the entry may be either.
   */
  public Future<Boolean> move(UserEntry current, UserEntry moved) {
    return users.replaceIfPresent(current.key(), current.encode(), moved.encode());
  }

  /** The rooms that have users, each as it is displayed (as first seen) with its number of users, sorted ignoring case. */
  public Future<List<RoomCount>> rooms() {
    return online().map(users -> {
      Map<String, RoomCount> byKey = new HashMap<>();
      for (UserEntry user : users) {
        for (String room : user.rooms()) {
          byKey.merge(Rooms.key(room), new RoomCount(room, 1), (a, b) -> new RoomCount(a.room(), a.users() + 1));
        }
      }
      return byKey.values().stream().sorted(Comparator.comparing(count -> Names.sortKey(count.room()))).toList();
    });
  }

  /** How a room that has users is displayed, if it has any: a newcomer joins it under that name. */
  public Future<Optional<String>> displayOf(String roomKey) {
    return online().map(users -> users.stream().flatMap(user -> user.rooms().stream())
      .filter(room -> Rooms.key(room).equals(roomKey)).findFirst());
  }

  /** A room and how many users are in it. */
  public record RoomCount(String room, int users) {
  }

  private <T> Future<T> retried(String what, String done, Supplier<Future<T>> operation) {
    Promise<T> result = Promise.promise();
    attempt(what, done, operation, 1, result);
    return result.future();
  }

  private <T> void attempt(String what, String done, Supplier<Future<T>> operation, int attempt, Promise<T> result) {
    operation.get().onComplete(ar -> {
      if (ar.succeeded()) {
        if (attempt > 1) {
          log.info("{} after {} tries", done, attempt);
        }
        result.complete(ar.result());
        return;
      }
      if (attempt == 1) {
        log.warn("could not {}: {}; trying again until it succeeds", what, ar.cause().getMessage());
      }
      long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempt - 1, 16));
      vertx.setTimer(delay, id -> attempt(what, done, operation, attempt + 1, result));
    });
  }
}
