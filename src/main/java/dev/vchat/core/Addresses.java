package dev.vchat.core;

/** Every event-bus address and shared-data name of the chat, named once. */
public final class Addresses {

  /** Published chat events that every user sees: online, offline, chat, rename. */
  public static final String BROADCAST = "chat.broadcast";

  /** Prefix of each user's private address; the suffix is the session id. */
  public static final String USER_PREFIX = "chat.user.";

  /** The cluster-wide map of online users, keyed by case-folded name. */
  public static final String USERS_MAP = "chat.users";

  private Addresses() {
  }

  public static String user(String sessionId) {
    return USER_PREFIX + sessionId;
  }
}
