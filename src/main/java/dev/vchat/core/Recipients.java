package dev.vchat.core;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The users of other nodes this node knows of, by name key: their session, so that a private
 * message to them needs no registry look-up; and whether each is <em>warm</em>: a request to its
 * private address was answered by its session under that name, so this node's event bus has
 * resolved the address and sends to it at once, in order with the sender's broadcasts
 * (docs/ARCHITECTURE.md, "A private line to a user on another node"). One per Vert.x instance,
 * in its local shared data, as {@link LocalUsers}.
 *
 * <p>Never trusted for who holds a name: a recipient checks that the message is addressed to its
 * current name ({@link #TO_HEADER}) and refuses it otherwise. A record is added from a registry
 * look-up or from the user's online or rename notice ({@link RecipientsFeed}), and taken out when
 * its user renames or leaves ({@link RecipientsWatch}, before this node's users see that line),
 * when a message to it fails, or when a newer record of the same session replaces it.
 */
public final class Recipients implements Shareable {

  /** Header of a private message: the key of the name the sender wrote to; the recipient refuses it when that is not its name. */
  public static final String TO_HEADER = "to";

  /** More records than this (users gone unseen, as across a split) and the record starts over: a miss only costs a look-up. */
  static final int MAX_RECORDS = 200_000;

  private static final String MAP = "dev.vchat.core.Recipients";
  private static final String KEY = "recipients";

  /** A user of another node as the registry listed it under a name's key. */
  public static final class Known {
    private final String key;
    private final String name;
    private final String sid;
    private final String node;
    private volatile boolean warm;

    Known(String key, String name, String sid, String node) {
      this.key = key;
      this.name = name;
      this.sid = sid;
      this.node = node;
    }

    /** The name as the registry listed it (what the sender's echo shows). */
    public String name() {
      return name;
    }

    public String sid() {
      return sid;
    }

    /** Where it lives, for the log: its node when the registry said, else its session. */
    public String where() {
      return node != null ? "node " + node : "session " + sid;
    }

    /** Whether a request to this user's address was answered under this name: the event bus has resolved the address. */
    public boolean isWarm() {
      return warm;
    }

    /** Its session answered a message addressed to this name. */
    public void warmUp() {
      warm = true;
    }
  }

  private final ConcurrentHashMap<String, Known> byKey = new ConcurrentHashMap<>();
  /** One record per session: a session looked up under a new name drops its record under the old one. */
  private final ConcurrentHashMap<String, Known> bySid = new ConcurrentHashMap<>();

  private Recipients() {
  }

  /** This node's record (one per Vert.x instance). */
  public static Recipients of(Vertx vertx) {
    return (Recipients) vertx.sharedData().<String, Object>getLocalMap(MAP).computeIfAbsent(KEY, key -> new Recipients());
  }

  /** The user last looked up under this name key, or null. */
  public Known find(String key) {
    return byKey.get(key);
  }

  /** Records what the registry answered for {@code key}: {@code entry}'s session, not warm yet. */
  public Known learn(String key, UserEntry entry) {
    return learn(key, entry.name(), entry.sid(), entry.node());
  }

  /** Records that the session {@code sid} holds {@code name} (whose key is {@code key}), not warm yet. */
  Known learn(String key, String name, String sid, String node) {
    if (byKey.size() >= MAX_RECORDS) {
      byKey.clear();
      bySid.clear();
    }
    Known known = new Known(key, name, sid, node);
    Known previous = bySid.put(known.sid, known);
    if (previous != null) {
      byKey.remove(previous.key, previous);
    }
    byKey.put(key, known);
    return known;
  }

  /** Drops {@code known} if it is still the record (a message to it failed). */
  public void forget(Known known) {
    byKey.remove(known.key, known);
    bySid.remove(known.sid, known);
  }

  /** The session {@code sid} renamed or left: whatever was recorded for it no longer holds. */
  public void gone(String sid) {
    Known known = bySid.remove(sid);
    if (known != null) {
      byKey.remove(known.key, known);
    }
  }
}
