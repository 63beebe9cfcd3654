package dev.vchat.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The online users, in Vert.x shared data: local to one Vert.x instance, cluster-wide when
 * clustered. Every change is one atomic step on the case-folded name, so two users racing for a
 * name cannot both get it.
 */
public final class UserRegistry {

  private static final Comparator<UserEntry> BY_NAME =
    Comparator.comparing(UserEntry::key).thenComparing(UserEntry::name);

  private final AsyncMap<String, String> users;

  private UserRegistry(AsyncMap<String, String> users) {
    this.users = users;
  }

  public static Future<UserRegistry> open(Vertx vertx, UserStore store) {
    return store.open(vertx).map(UserRegistry::new);
  }

  /** Takes the entry's name; false when someone else holds it. */
  public Future<Boolean> claim(UserEntry entry) {
    return users.putIfAbsent(entry.key(), entry.encode()).map(previous -> previous == null);
  }

  /** Moves {@code current} to {@code next}'s name; false when that name is someone else's. */
  public Future<Boolean> rename(UserEntry current, UserEntry next) {
    if (current.key().equals(next.key())) {
      return users.replaceIfPresent(current.key(), current.encode(), next.encode());
    }
    return claim(next).compose(claimed -> claimed
      ? users.removeIfPresent(current.key(), current.encode()).map(true)
      : Future.succeededFuture(false));
  }

  /** Removes the entry if it is still this one. */
  public Future<Boolean> release(UserEntry entry) {
    return users.removeIfPresent(entry.key(), entry.encode());
  }

  public Future<Optional<UserEntry>> find(String name) {
    return users.get(Names.key(name)).map(found -> Optional.ofNullable(found).map(UserEntry::decode));
  }

  /** Everyone online, sorted by name ignoring case. */
  public Future<List<UserEntry>> online() {
    return users.values().map(values -> values.stream().map(UserEntry::decode).sorted(BY_NAME).toList());
  }
}
