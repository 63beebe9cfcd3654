package dev.vchat.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of one bridge socket that the bridge refused in a row: the first of a streak is
 * logged, and the streak's count when it ends (a frame taken, the socket closed); the
 * {@value #CLOSE_AFTER}th in a row tells the caller to close the socket. So a burst of garbage
 * costs the log two lines, not one per frame.
 */
final class RefusedFrames {

  private static final Logger log = LoggerFactory.getLogger(RefusedFrames.class);

  /** A socket that has this many frames refused in a row is closed. */
  static final int CLOSE_AFTER = 100;

  private int streak;
  private String last;
  private boolean closing;

  /** A frame was refused; true when the socket must be closed now (once). */
  boolean refused(String frame, Object who) {
    if (closing) {
      return false;
    }
    streak++;
    last = frame;
    if (streak == 1) {
      log.info("bridge refused {} by {}", frame, who);
    }
    if (streak >= CLOSE_AFTER) {
      closing = true;
      log.warn("closing the bridge socket of {}: {} frames refused in a row (the last: {})", who, streak, frame);
      return true;
    }
    return false;
  }

  /** A frame was taken: the streak, if any, ends. */
  void accepted(Object who) {
    if (!closing) {
      end(who);
    }
  }

  /** The socket is gone. */
  void closed(Object who) {
    if (!closing) {
      end(who);
    }
    closing = true;
  }

  private void end(Object who) {
    if (streak > 1) {
      log.info("bridge refused {} frames in a row by {} (the last: {})", streak, who, last);
    }
    streak = 0;
    last = null;
  }
}
