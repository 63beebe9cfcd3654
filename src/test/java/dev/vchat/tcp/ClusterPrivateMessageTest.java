package dev.vchat.tcp;

import dev.vchat.core.NameKeys;
import dev.vchat.core.Recipients;
import dev.vchat.core.UserEntry;
import dev.vchat.core.UserRegistry;
import dev.vchat.core.UserStore;
import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


/**
 * Private messages on a real two-node cluster (two Hazelcast members in this JVM, two TCP
 * instances each): a recipient on the sender's node is reached through that node's directory, one
 * on the other node through the registry and the event bus, and a name that moves between nodes
 * (a leave, then a claim on the other node) is reached where it is now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterPrivateMessageTest {

  private static final int ROUNDS = 200;

  private ClusterNode a;
  private ClusterNode b;

  @BeforeAll
  void startCluster() {
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 2);
    a = ClusterNode.start(settings);
    b = ClusterNode.start(settings);
  }

  @AfterAll
  void stopCluster() {
    for (ClusterNode node : new ClusterNode[] {b, a}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void recipientsOnBothNodesGetTheirMessagesInOrderAfterTheSendersChatLines() {
    try (TestUser ann = TestUser.join(a.port(), "ann");
         TestUser cat = TestUser.join(a.port(), "cat");
         TestUser bob = TestUser.join(b.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      cat.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      BurstOfChatAndPrivateLines.sendAndCheck(ann, bob, cat, "cat", ROUNDS);
    }
  }

  /**
   * A name that changes hands on the other node while this node knows its holder (and has sent to
   * it without waiting): after the rename and the new holder's claim, as each user here sees
   * them, lines to the name reach the new holder and never the old one.
   */
  @Test
  void aNameTakenAgainOnTheOtherNodeReachesItsNewHolderOnly() {
    try (TestUser ann = TestUser.join(a.port(), "ann4");
         TestUser old = TestUser.join(b.port(), "bob4");
         TestUser next = TestUser.join(b.port(), "carl4")) {
      ann.awaitLine("[" + next.addr() + "]" + next.initialName() + ":is now carl4");
      old.awaitLine("[" + next.addr() + "]" + next.initialName() + ":is now carl4");
      for (int i = 0; i < 3; i++) {
        ann.send("to bob4 hi " + i);
        ann.expect("you to bob4: hi " + i);
        old.expect("ann4 to you: hi " + i);
      }
      old.send("rename eve4");
      old.expect("renamed to: eve4");
      ann.awaitLine("[" + old.addr() + "]bob4:is now eve4");
      next.awaitLine("[" + old.addr() + "]bob4:is now eve4");
      next.send("rename BOB4");
      next.expect("renamed to: BOB4");
      ann.awaitLine("[" + next.addr() + "]carl4:is now BOB4");
      ann.send("to bob4 are you new?");
      ann.expect("you to BOB4: are you new?");
      next.expect("ann4 to you: are you new?");
      ann.send("to eve4 and you?");
      ann.expect("you to eve4: and you?");
      old.awaitLine("[" + next.addr() + "]carl4:is now BOB4");
      old.expect("ann4 to you: and you?");
    }
  }

  /**
   * This node's record of a name can be older than a rename on the other node (the news is on
   * its way): the record says eve's session still holds "bob2". A line sent on it never reaches
   * eve: her session refuses a line addressed to a name it does not hold. From a confirmed (warm)
   * record the sender was already echoed and is told the line was not delivered; from a record
   * not confirmed yet, the registry is asked and the line goes to whoever holds the name now.
   */
  @Test
  void aStaleRecordOfANameNeverSendsALineToTheWrongUser() {
    try (TestUser ann = TestUser.join(a.port(), "ann3");
         TestUser eve = TestUser.join(b.port(), "eve3");
         TestUser bob = TestUser.join(b.port(), "bob3")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob3");
      eve.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob3");
      UserRegistry registry = UserRegistry.open(a.vertx(), UserStore.SHARED_DATA).await();
      UserEntry eveEntry = registry.find("eve3").await().orElseThrow();
      Recipients records = Recipients.of(a.vertx());
      String bobKey = NameKeys.of("bob3");

      records.learn(bobKey, eveEntry.withName("bob3")).warmUp();
      ann.send("to bob3 one");
      ann.expect("you to bob3: one");
      ann.expect("error: message to bob3 not delivered, try again");

      records.learn(bobKey, eveEntry.withName("bob3"));
      ann.send("to bob3 two");
      ann.expect("you to bob3: two");
      bob.expect("ann3 to you: two");

      // eve's next private line is the first she sees: the two above never reached her
      ann.send("to eve3 three");
      ann.expect("you to eve3: three");
      eve.expect("ann3 to you: three");
      bob.send("quit");
      bob.awaitLine("bye");
      ann.awaitLine("[" + bob.addr() + "]bob3:offline");
      ann.send("to bob3 four");
      ann.expect("error: bob3 is not online");
    }
  }

  @Test
  void aNameThatMovesToTheOtherNodeIsReachedThere() {
    try (TestUser cat = TestUser.join(a.port(), "cat2")) {
      TestUser dan = TestUser.join(a.port(), "dan");
      cat.awaitLine("[" + dan.addr() + "]" + dan.initialName() + ":is now dan");
      cat.send("to dan on a");
      cat.expect("you to dan: on a");
      dan.expect("cat2 to you: on a");
      dan.send("quit");
      dan.awaitLine("bye");
      cat.awaitLine("[" + dan.addr() + "]dan:offline");
      dan.close();

      try (TestUser other = TestUser.join(b.port(), "DAN")) {
        cat.awaitLine("[" + other.addr() + "]" + other.initialName() + ":is now DAN");
        cat.send("to dan on b");
        cat.expect("you to DAN: on b");
        other.expect("cat2 to you: on b");
        // and back: a rename on b is seen by a's look-ups
        other.send("rename eve");
        other.expect("renamed to: eve");
        cat.awaitLine("[" + other.addr() + "]DAN:is now eve");
        cat.send("to dan still there?");
        cat.expect("error: dan is not online");
        cat.send("to eve hi eve");
        cat.expect("you to eve: hi eve");
        other.expect("cat2 to you: hi eve");
        other.send("to cat2 hi from b");
        other.expect("you to cat2: hi from b");
        cat.expect("eve to you: hi from b");
      }
    }
  }
}
