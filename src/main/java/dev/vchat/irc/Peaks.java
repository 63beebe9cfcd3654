package dev.vchat.irc;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * The most users seen at once, for LUSERS (265, 266): on this node (counted at each IRC
 * registration and each LUSERS) and in the whole chat (as LUSERS counted it), since the node
 * started. Kept in Vert.x local shared data, one atomic merge per update, for all IRC instances.
 */
final class Peaks {

  private final LocalMap<String, Integer> peaks;

  private Peaks(LocalMap<String, Integer> peaks) {
    this.peaks = peaks;
  }

  static Peaks of(Vertx vertx) {
    return new Peaks(vertx.sharedData().getLocalMap("vchat.irc.peaks"));
  }

  /** Records {@code now} users on this node; returns the peak. */
  int local(int now) {
    return peaks.merge("local", now, Math::max);
  }

  /** Records {@code now} users in the chat; returns the peak. */
  int global(int now) {
    return peaks.merge("global", now, Math::max);
  }
}
