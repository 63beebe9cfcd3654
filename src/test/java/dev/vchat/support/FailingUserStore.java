package dev.vchat.support;

import dev.vchat.core.UserStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The server's real user map ({@link UserStore#SHARED_DATA}) wrapped so that chosen calls fail,
 * as a Hazelcast map does while partitions move or a member stops. A failure is either clean (the
 * map is not touched) or "applied": the call goes through, then reports failure. Thread-safe:
 * rules are set on the test's thread and used on event loops.
 */
public final class FailingUserStore implements UserStore {

  /** The calls of {@link AsyncMap} the registry makes. */
  public enum Op { GET, PUT_IF_ABSENT, REMOVE_IF_PRESENT, REPLACE_IF_PRESENT, VALUES }

  private static final class Rule {
    final Op op;
    final String key;
    final boolean applied;
    int remaining;

    Rule(Op op, String key, boolean applied, int times) {
      this.op = op;
      this.key = key;
      this.applied = applied;
      this.remaining = times;
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  /** The next {@code times} calls of {@code op} on {@code key} (null: any key) fail without touching the map. */
  public FailingUserStore failNext(Op op, String key, int times) {
    return add(new Rule(op, key, false, times));
  }

  /** The next {@code times} calls of {@code op} on {@code key} (null: any key) are applied, then fail. */
  public FailingUserStore failNextAfterApplying(Op op, String key, int times) {
    return add(new Rule(op, key, true, times));
  }

  /** Failures set up but not yet dealt out: 0 once every rule has fired. */
  public synchronized int unusedFailures() {
    return rules.stream().mapToInt(rule -> rule.remaining).sum();
  }

  private synchronized FailingUserStore add(Rule rule) {
    rules.add(rule);
    return this;
  }

  private synchronized Rule take(Op op, String key) {
    for (Rule rule : rules) {
      if (rule.remaining > 0 && rule.op == op && (rule.key == null || rule.key.equals(key))) {
        rule.remaining--;
        return rule;
      }
    }
    return null;
  }

  @Override
  public Future<AsyncMap<String, String>> open(Vertx vertx) {
    return SHARED_DATA.open(vertx).map(Failing::new);
  }

  private final class Failing implements AsyncMap<String, String> {

    private final AsyncMap<String, String> map;

    Failing(AsyncMap<String, String> map) {
      this.map = map;
    }

    private <T> Future<T> call(Op op, String key, Supplier<Future<T>> call) {
      Rule rule = take(op, key);
      if (rule == null) {
        return call.get();
      }
      IllegalStateException failure = new IllegalStateException("injected failure of " + op + " " + key);
      if (rule.applied) {
        return call.get().transform(ar -> Future.failedFuture(failure));
      }
      // later, on the caller's context, as a real map answers
      Context context = Vertx.currentContext();
      if (context == null) {
        return Future.failedFuture(failure);
      }
      Promise<T> promise = Promise.promise();
      context.runOnContext(v -> promise.fail(failure));
      return promise.future();
    }

    @Override
    public Future<String> get(String key) {
      return call(Op.GET, key, () -> map.get(key));
    }

    @Override
    public Future<String> putIfAbsent(String key, String value) {
      return call(Op.PUT_IF_ABSENT, key, () -> map.putIfAbsent(key, value));
    }

    @Override
    public Future<Boolean> removeIfPresent(String key, String value) {
      return call(Op.REMOVE_IF_PRESENT, key, () -> map.removeIfPresent(key, value));
    }

    @Override
    public Future<Boolean> replaceIfPresent(String key, String oldValue, String newValue) {
      return call(Op.REPLACE_IF_PRESENT, key, () -> map.replaceIfPresent(key, oldValue, newValue));
    }

    @Override
    public Future<List<String>> values() {
      return call(Op.VALUES, null, map::values);
    }

    // not used by the registry: passed through

    @Override
    public Future<Void> put(String key, String value) {
      return map.put(key, value);
    }

    @Override
    public Future<Void> put(String key, String value, long ttl) {
      return map.put(key, value, ttl);
    }

    @Override
    public Future<String> putIfAbsent(String key, String value, long ttl) {
      return map.putIfAbsent(key, value, ttl);
    }

    @Override
    public Future<String> remove(String key) {
      return map.remove(key);
    }

    @Override
    public Future<String> replace(String key, String value) {
      return map.replace(key, value);
    }

    @Override
    public Future<Void> clear() {
      return map.clear();
    }

    @Override
    public Future<Integer> size() {
      return map.size();
    }

    @Override
    public Future<Set<String>> keys() {
      return map.keys();
    }

    @Override
    public Future<Map<String, String>> entries() {
      return map.entries();
    }
  }
}
