package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.FailingUserStore;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static dev.vchat.support.FailingUserStore.Op.GET;
import static dev.vchat.support.FailingUserStore.Op.PUT_IF_ABSENT;
import static dev.vchat.support.FailingUserStore.Op.REMOVE_IF_PRESENT;
import static dev.vchat.support.FailingUserStore.Op.REPLACE_IF_PRESENT;
import static dev.vchat.support.FailingUserStore.Op.VALUES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The user registry fails (as a Hazelcast map does while partitions move or a member stops):
 * every user still gets an answer, and no name is left taken by nobody. Real server, real
 * sockets; only the registry's map is wrapped ({@link FailingUserStore}).
 */
@ExtendWith(VertxExtension.class)
class RegistryFailureTest {

  private final FailingUserStore store = new FailingUserStore();
  private ChatServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = ChatServer.start(vertx, new JsonObject(), store);
  }

  @Test
  void aReleaseThatFailsIsTriedAgainAndTheLeaveIsAnnouncedOnce() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNext(REMOVE_IF_PRESENT, "ann", 2);
      ann.send("quit");
      ann.expect("bye");
      ann.expectClosed();
      bob.expect("[" + ann.addr() + "]ann:offline");
      bob.send("who");
      bob.expect("[" + bob.addr() + "]bob:online");
      assertEquals(List.of(), bob.linesWithin(Duration.ofMillis(500)), "one leave notice, and ann gone from who");
      assertEquals(0, store.unusedFailures());
      try (TestUser cat = TestUser.join(server.port(), "ann")) {
        bob.expect("[" + cat.addr() + "]" + cat.initialName() + ":online");
        bob.expect("[" + cat.addr() + "]" + cat.initialName() + ":is now ann");
      }
    }
  }

  @Test
  void aRenameWhoseRemovalFailsIsUndoneAndAnswered() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNext(REMOVE_IF_PRESENT, "ann", 1);
      ann.send("rename anne");
      ann.expect("error: rename failed, try again");
      assertStillAnnAndAnneIsFree(ann, bob);
    }
  }

  @Test
  void aRenameWhoseRemovalFailsAndWhoseUndoFailsTooIsUndoneInTheEnd() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNext(REMOVE_IF_PRESENT, "ann", 1).failNext(REMOVE_IF_PRESENT, "anne", 2);
      ann.send("rename anne");
      ann.expect("error: rename failed, try again");
      assertStillAnnAndAnneIsFree(ann, bob);
    }
  }

  @Test
  void aRenameWhoseRemovalIsAppliedButReportedFailedPutsTheOldNameBack() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNextAfterApplying(REMOVE_IF_PRESENT, "ann", 1);
      ann.send("rename anne");
      ann.expect("error: rename failed, try again");
      assertStillAnnAndAnneIsFree(ann, bob);
      bob.send("rename ANN");
      bob.expect("error: name ANN is already in use");
    }
  }

  @Test
  void aRenameWhoseClaimFailsIsAnswered() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNext(PUT_IF_ABSENT, "anne", 1);
      ann.send("rename anne");
      ann.expect("error: rename failed, try again");
      assertStillAnnAndAnneIsFree(ann, bob);
    }
  }

  @Test
  void aRenameWhoseClaimIsAppliedButReportedFailedLeavesNoGhost() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNextAfterApplying(PUT_IF_ABSENT, "anne", 1);
      ann.send("rename anne");
      ann.expect("error: rename failed, try again");
      assertStillAnnAndAnneIsFree(ann, bob);
    }
  }

  @Test
  void aChangeOfCaseThatIsAppliedButReportedFailedIsUndone() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNextAfterApplying(REPLACE_IF_PRESENT, "ann", 1);
      ann.send("rename Ann");
      ann.expect("error: rename failed, try again");
      bob.send("who");
      assertEquals(List.of("[" + ann.addr() + "]ann:online", "[" + bob.addr() + "]bob:online"),
        List.of(bob.nextLine(), bob.nextLine()));
    }
  }

  @Test
  void aWhoThatFailsIsAnsweredAndTheNextOneWorks() {
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      store.failNext(VALUES, null, 1);
      ann.send("who");
      ann.expect("error: could not list the users online, try again");
      ann.send("who");
      ann.expect("[" + ann.addr() + "]ann:online");
      ann.send("still here");
      ann.expect("[" + ann.addr() + "]ann:still here");
    }
  }

  @Test
  void aPrivateMessageWhoseLookUpFailsIsAnsweredAndNotDelivered() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNext(GET, null, 1);
      // bob is on this node: found in the node's directory, the registry is not asked
      ann.send("to bob first");
      ann.expect("you to bob: first");
      bob.expect("ann to you: first");
      assertEquals(1, store.unusedFailures());
      // carol is not: the registry is asked, and fails
      ann.send("to carol second");
      ann.expect("error: message to carol not delivered, try again");
      ann.send("to carol third");
      ann.expect("error: carol is not online");
      ann.send("to bob fourth");
      ann.expect("you to bob: fourth");
      bob.expect("ann to you: fourth");
    }
  }

  @Test
  void aJoinWhoseClaimFailsIsToldAndLeavesNoTrace() {
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      store.failNextAfterApplying(PUT_IF_ABSENT, null, 1);
      try (TestUser ann = TestUser.connect(server.port())) {
        ann.expect("error: could not join, try again later");
        ann.expectClosed();
      }
      bob.send("who");
      bob.expect("[" + bob.addr() + "]bob:online");
      assertEquals(List.of(), bob.linesWithin(Duration.ofMillis(500)), "nothing of the user who could not join");
    }
  }

  /** ann kept its name: it chats as ann, who lists it as ann alone, and anne is free for another user. */
  private void assertStillAnnAndAnneIsFree(TestUser ann, TestUser bob) {
    ann.send("hi");
    ann.expect("[" + ann.addr() + "]ann:hi");
    bob.expect("[" + ann.addr() + "]ann:hi");
    bob.send("who");
    assertEquals(List.of("[" + ann.addr() + "]ann:online", "[" + bob.addr() + "]bob:online"),
      List.of(bob.nextLine(), bob.nextLine()));
    assertEquals(0, store.unusedFailures());
    String catAddr;
    try (TestUser cat = TestUser.join(server.port(), "anne")) {
      catAddr = cat.addr();
      bob.expect("[" + catAddr + "]" + cat.initialName() + ":online");
      bob.expect("[" + catAddr + "]" + cat.initialName() + ":is now anne");
    }
    bob.expect("[" + catAddr + "]anne:offline");
  }
}
