package dev.vchat.core;

import dev.vchat.core.RateLimiter.Verdict;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000);

  private void advanceMillis(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void aBurstPassesThenTheRateApplies() {
    RateLimiter limiter = new RateLimiter(10, 5, 0, 10, now::get);
    for (int i = 0; i < 5; i++) {
      assertEquals(Verdict.ALLOW, limiter.acquire(), "line " + i);
    }
    assertEquals(Verdict.REFUSE, limiter.acquire());
    advanceMillis(100); // one token at 10 a second
    assertEquals(Verdict.ALLOW, limiter.acquire());
    assertEquals(Verdict.REFUSE, limiter.acquire());
    advanceMillis(60_000); // refills up to the burst, not beyond
    for (int i = 0; i < 5; i++) {
      assertEquals(Verdict.ALLOW, limiter.acquire());
    }
    assertEquals(Verdict.REFUSE, limiter.acquire());
  }

  @Test
  void refusalsWithinTheWindowLeadToAKickAndOldOnesAreForgotten() {
    RateLimiter limiter = new RateLimiter(1, 1, 3, 10, now::get);
    assertEquals(Verdict.ALLOW, limiter.acquire());
    assertEquals(Verdict.REFUSE, limiter.acquire());
    assertEquals(Verdict.REFUSE, limiter.acquire());
    advanceMillis(11_000); // a new window: the two refusals are forgotten (and one token came back)
    assertEquals(Verdict.ALLOW, limiter.acquire());
    assertEquals(Verdict.REFUSE, limiter.acquire());
    assertEquals(Verdict.REFUSE, limiter.acquire());
    assertEquals(Verdict.KICK, limiter.acquire());
  }

  @Test
  void zeroRateAllowsEverythingAndZeroKickNeverKicks() {
    RateLimiter off = new RateLimiter(0, 1, 1, 10, now::get);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(Verdict.ALLOW, off.acquire());
    }
    RateLimiter noKick = new RateLimiter(1, 1, 0, 10, now::get);
    noKick.acquire();
    for (int i = 0; i < 10_000; i++) {
      assertEquals(Verdict.REFUSE, noKick.acquire());
    }
  }

  @Test
  void reservationsPastTheBurstWaitOneIntervalMoreEach() {
    RateLimiter limiter = new RateLimiter(10, 3, 0, 10, now::get);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.reserve(), "line " + i + " is within the burst");
    }
    long interval = TimeUnit.MILLISECONDS.toNanos(100);
    assertEquals(interval, limiter.reserve(), 1);
    assertEquals(2 * interval, limiter.reserve(), 1);
    assertEquals(3 * interval, limiter.reserve(), 1);
    advanceMillis(300); // three tokens later: the three waiting lines have run, the next waits one interval
    assertEquals(interval, limiter.reserve(), 1);
    advanceMillis(60_000); // the debt is paid and the bucket refills up to the burst, not beyond
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.reserve());
    }
    assertEquals(interval, limiter.reserve(), 1);
    assertEquals(0, new RateLimiter(0, 1, 0, 10, now::get).reserve(), "0 a second: never waits");
  }
}
