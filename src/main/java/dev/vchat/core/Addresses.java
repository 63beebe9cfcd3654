package dev.vchat.core;

/** Every event-bus address and shared-data name of the chat, named once. */
public final class Addresses {

  /** Published broadcast events (online, offline, chat, rename, joined, left); each says its room(s). */
  public static final String BROADCAST = "chat.broadcast";

  /** Prefix of each user's private address; the suffix is the session id. */
  public static final String USER_PREFIX = "chat.user.";

  /** Local request to this node's history keeper: {"room": KEY, "lines": N}. */
  public static final String HISTORY_READ = "chat.history.read";

  /** Request, cluster-wide: a node that starts later asks a peer's history keeper for all it has. */
  public static final String HISTORY_SYNC = "chat.history.sync";

  /**
   * Prefix of each clustered node's own address (the suffix is its Vert.x node id): a node that
   * stops asks every other node for an empty answer there, so that what it published last arrived.
   */
  public static final String NODE_PREFIX = "chat.node.";
  /** Local request to this node's history keeper: every room's ring, {KEY: [chat events]}. */
  public static final String HISTORY_SNAPSHOT = "chat.history.snapshot";

  /** Local request to this node's history keeper: merge another node's snapshot in (after a split heals). */
  public static final String HISTORY_MERGE = "chat.history.merge";

  /** Prefix of each node's heal address (cluster-wide, request/reply); the suffix is the Vert.x node id. */
  public static final String HEAL_PREFIX = "chat.cluster.heal.";

  /** The cluster-wide map of online users, keyed by the name's key (Names.key). */
  public static final String USERS_MAP = "chat.users";

  private Addresses() {
  }

  public static String heal(String nodeId) {
    return HEAL_PREFIX + nodeId;
  }

  public static String user(String sessionId) {
    return USER_PREFIX + sessionId;
  }

  public static String node(String nodeId) {
    return NODE_PREFIX + nodeId;
  }
}
