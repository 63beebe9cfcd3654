package dev.vchat.core;

import io.vertx.core.json.JsonObject;

/**
 * What a session needs from its transport (a TCP connection, a browser bridge socket): a way to
 * tell this one user something, and a way to hang up. Broadcasts do not come through here: each
 * transport fans them out itself, rendered once for all its users.
 */
public interface Peer {

  /** Shows an event to this user alone. */
  void deliver(JsonObject event);

  /**
   * Shows a private message another user sent (one event-loop task per message): as
   * {@link #deliver}, but a transport may write it out together with the others that reach this
   * user before its event loop is idle (one system call for many, where a busy user gets many).
   */
  default void deliverBatched(JsonObject message) {
    deliver(message);
  }

  /** Flushes what was delivered, then closes; no broadcast reaches this user afterwards. */
  void close();

  /** Asks the transport to stop (true) or resume (false) reading while commands queue up. */
  default void throttle(boolean paused) {
  }

  /**
   * Whether {@link #throttle} really stops the user's input where it comes from (a TCP socket:
   * the kernel's buffers and the sender wait). Such a user's lines over the flood limit are
   * delayed; the others' are refused.
   */
  default boolean holdsBackInput() {
    return false;
  }

  /**
   * Whether this user is always in exactly one room (TCP, browser): one kicked from its room is
   * moved to the lobby. False where a user may be in several rooms or none (IRC).
   */
  default boolean inOneRoom() {
    return true;
  }
}
