package dev.vchat.core;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Flood control for one user: a token bucket ({@code perSecond} tokens a second, at most
 * {@code burst} saved up), one token per line. Two ways to use it: {@link #reserve()} takes the
 * next token even if it is not there yet and says how long to wait for it (a transport that can
 * stop reading delays the line); {@link #acquire()} refuses a line when no token is left (a
 * transport that cannot), counting refusals in a fixed window, and the refusal that reaches
 * {@code kickAfter} within it says the user should go. Not thread-safe: a session uses it on its
 * own event loop.
 */
public final class RateLimiter {

  /** What to do with one line. */
  public enum Verdict { ALLOW, REFUSE, KICK }

  private final double perNano;
  private final double burst;
  private final int kickAfter;
  private final long windowNanos;
  private final LongSupplier clock;
  private double tokens;
  private long lastRefill;
  private int refusals;
  private long windowStart;

  /**
   * @param perSecond lines a second on average; 0 allows everything
   * @param kickAfter refusals within the window that mean a kick; 0 never kicks
   * @param clock nanoseconds, monotonic (System::nanoTime)
   */
  public RateLimiter(int perSecond, int burst, int kickAfter, int windowSeconds, LongSupplier clock) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.kickAfter = kickAfter;
    this.windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
    this.clock = clock;
    this.tokens = burst;
    this.lastRefill = clock.getAsLong();
    this.windowStart = lastRefill;
  }

  public static RateLimiter of(dev.vchat.config.ChatConfig config) {
    return new RateLimiter(config.floodMessagesPerSecond(), config.floodBurst(),
      config.floodKickRefusals(), config.floodKickWindowSeconds(), System::nanoTime);
  }

  /**
   * Takes the next token for one line, now or in the future: the nanoseconds until it is due,
   * 0 when it is there already. Lines that wait run in the order they reserved.
   */
  public long reserve() {
    if (perNano == 0) {
      return 0;
    }
    refill(clock.getAsLong());
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
  }

  /** Takes a token for one line if there is one. */
  public Verdict acquire() {
    if (perNano == 0) {
      return Verdict.ALLOW;
    }
    long now = clock.getAsLong();
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return Verdict.ALLOW;
    }
    if (now - windowStart > windowNanos) {
      windowStart = now;
      refusals = 0;
    }
    refusals++;
    return kickAfter > 0 && refusals >= kickAfter ? Verdict.KICK : Verdict.REFUSE;
  }

  private void refill(long now) {
    tokens = Math.min(burst, tokens + (now - lastRefill) * perNano);
    lastRefill = now;
  }
}
