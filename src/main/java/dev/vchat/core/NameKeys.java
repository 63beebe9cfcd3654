package dev.vchat.core;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Names#key} for the names users address (`to NAME`), remembered: the key is ICU's case
 * folding and confusable skeleton, a sizeable share of a private message's cost on the server,
 * and the same few names come up again and again. {@code Names.key} is a pure function, so a
 * remembered key is never stale; the memo is bounded by starting over when it is full.
 */
public final class NameKeys {

  /** Names remembered at most (a name is at most 32 code points: well under 1 MB). */
  static final int MAX_ENTRIES = 8_192;

  private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

  private NameKeys() {
  }

  public static String of(String name) {
    String key = KEYS.get(name);
    if (key == null) {
      key = Names.key(name);
      if (KEYS.size() >= MAX_ENTRIES) {
        KEYS.clear();
      }
      KEYS.put(name, key);
    }
    return key;
  }
}
