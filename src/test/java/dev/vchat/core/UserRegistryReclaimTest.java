package dev.vchat.core;

import dev.vchat.support.FailingUserStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user's re-claim does after a split heals, on the real registry (Vert.x shared data): it
 * puts back an entry the other side swept, keeps one that is there, takes back a stale entry of
 * its own session, yields a name held by another session, and then finds a free name.
 */
class UserRegistryReclaimTest {

  private Vertx vertx;
  private UserRegistry registry;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    registry = UserRegistry.open(vertx, UserStore.SHARED_DATA).await();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aSweptEntryIsPutBackAndAHeldOneKept() {
    UserEntry eve = new UserEntry("s1", "eve", "1.2.3.4:5", "node-b");
    assertTrue(registry.reclaim(eve).await(), "swept: put back");
    assertEquals(Optional.of(eve), registry.find("eve").await());
    assertTrue(registry.reclaim(eve).await(), "still there: kept");
    assertEquals(List.of(eve), registry.online().await());
  }

  @Test
  void aStaleEntryOfTheSameSessionIsReplaced() {
    UserEntry before = new UserEntry("s1", "eve", "1.2.3.4:5", "node-b");
    UserEntry moved = before.withRooms(List.of("#go"));
    assertTrue(registry.claim(before).await());
    assertTrue(registry.reclaim(moved).await());
    assertEquals(Optional.of(moved), registry.find("eve").await());
  }

  @Test
  void aNameHeldByAnotherSessionStaysTheirsAndTheLoserGetsItsAddress() {
    UserEntry keeper = new UserEntry("s1", "eve", "1.2.3.4:5", "node-a");
    UserEntry loser = new UserEntry("s2", "Eve", "6.7.8.9:10", "node-b");
    assertTrue(registry.claim(keeper).await());
    assertFalse(registry.reclaim(loser).await());
    assertEquals(Optional.of(keeper), registry.find("eve").await());

    assertTrue(registry.claim(new UserEntry("s3", "6.7.8.9:10", "6.7.8.9:10", "node-c")).await(), "its address taken too");
    Optional<UserEntry> renamed = registry.claimFreeName(loser, loser.addr()).await();
    assertEquals(Optional.of(loser.withName("6.7.8.9:10-2")), renamed);
    assertEquals(3, registry.online().await().size());
  }

  @Test
  void aReclaimThatFailsIsTriedAgainAndOneWrittenAllTheSameCountsAsTheUsers() {
    FailingUserStore store = new FailingUserStore()
      .failNext(FailingUserStore.Op.PUT_IF_ABSENT, Names.key("eve"), 2)
      .failNextAfterApplying(FailingUserStore.Op.PUT_IF_ABSENT, Names.key("6.7.8.9:10"), 1);
    UserRegistry failing = UserRegistry.open(vertx, store).await();
    UserEntry eve = new UserEntry("s1", "eve", "1.2.3.4:5", "node-b");
    assertTrue(failing.reclaim(eve).await());
    assertEquals(Optional.of(eve), failing.find("eve").await());

    UserEntry loser = new UserEntry("s2", "Eve", "6.7.8.9:10", "node-b");
    assertFalse(failing.reclaim(loser).await());
    assertEquals(Optional.of(loser.withName("6.7.8.9:10")), failing.claimFreeName(loser, loser.addr()).await(),
      "its own address, though the first try failed after writing it");
    assertEquals(0, store.unusedFailures());
  }
}
