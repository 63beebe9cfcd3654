package dev.vchat.cluster;

import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.NameRace;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three clustered nodes in this JVM, each its own Hazelcast member, with real TCP users on each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {

  private JsonObject settings;
  private ClusterNode a;
  private ClusterNode b;
  private ClusterNode c;

  @BeforeAll
  void startCluster() {
    settings = ClusterNode.clusterSettings(ChatServer.freePort(), 4);
    a = ClusterNode.start(settings);
    b = ClusterNode.start(settings);
    c = ClusterNode.start(settings);
  }

  @AfterAll
  void stopCluster() {
    for (ClusterNode node : new ClusterNode[] {c, b, a}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void usersOnEveryNodeSeeEachOtherInEverything() {
    try (TestUser ann = TestUser.join(a.port(), "ann");
         TestUser bob = TestUser.join(b.port(), "bob");
         TestUser cat = TestUser.join(c.port(), "cat")) {
      ann.awaitLine("[" + cat.addr() + "]" + cat.initialName() + ":is now cat");
      bob.awaitLine("[" + cat.addr() + "]" + cat.initialName() + ":is now cat");

      ann.send("hello cluster");
      bob.expect("[" + ann.addr() + "]ann:hello cluster");
      cat.expect("[" + ann.addr() + "]ann:hello cluster");

      cat.send("who");
      assertEquals(List.of("[" + ann.addr() + "]ann:online", "[" + bob.addr() + "]bob:online", "[" + cat.addr() + "]cat:online"),
        List.of(cat.nextLine(), cat.nextLine(), cat.nextLine()));

      bob.send("to CAT psst");
      bob.expect("you to cat: psst");
      cat.expect("bob to you: psst");

      cat.send("rename ANN");
      cat.expect("error: name ANN is already in use");
      cat.send("rename kit");
      cat.expect("renamed to: kit");
      ann.awaitLine("[" + cat.addr() + "]cat:is now kit");

      cat.close();
      ann.awaitLine("[" + cat.addr() + "]kit:offline");
      bob.awaitLine("[" + cat.addr() + "]kit:offline");
    }
  }

  @Test
  void aNameRaceAcrossNodesHasOneWinner() {
    List<TestUser> users = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        users.add(TestUser.join(List.of(a, b, c).get(i % 3).port()));
      }
      for (int round = 0; round < 3; round++) {
        NameRace.assertOneWinner(users, "crown" + round);
      }
    } finally {
      users.forEach(TestUser::close);
    }
  }

  @Test
  void aThousandMessagesCrossNodesInOrder() {
    try (TestUser sender = TestUser.join(a.port(), "sender"); TestUser reader = TestUser.join(c.port(), "reader")) {
      sender.awaitLine("[" + reader.addr() + "]" + reader.initialName() + ":is now reader");
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        burst.append("n").append(i).append('\n');
        if (i % 100 == 0) {
          burst.append("to reader p").append(i).append('\n');
        }
      }
      sender.sendRaw(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String prefix = "[" + sender.addr() + "]sender:";
      for (int i = 0; i < 1000; i++) {
        reader.expect(prefix + "n" + i);
        if (i % 100 == 0) {
          reader.expect("sender to you: p" + i);
        }
      }
    }
  }

  /**
   * One write of chat lines, each followed by a private line to one of four users on two other
   * nodes in turn, from a node that started after two of them joined: its first line to each of
   * those two waits for the registry and for the recipient's answer (its event bus has not
   * resolved their addresses yet); the two who joined after it started it warmed up from their
   * online notices, and every line to them goes without waiting. Each recipient sees every chat
   * line and exactly its own private lines, each after the chat line sent before it.
   */
  @Test
  void privateLinesToSeveralUsersOnOtherNodesKeepTheirPlaceAmongTheSendersChatLines() {
    int rounds = 400;
    List<TestUser> readers = new ArrayList<>();
    ClusterNode d = null;
    TestUser sender = null;
    try {
      readers.add(TestUser.join(b.port(), "mr0"));
      readers.add(TestUser.join(c.port(), "mr1"));
      d = ClusterNode.start(settings);
      sender = TestUser.join(d.port(), "mixer");
      readers.add(TestUser.join(b.port(), "mr2"));
      readers.add(TestUser.join(c.port(), "mr3"));
      TestUser last = readers.get(3);
      String lastJoined = "[" + last.addr() + "]" + last.initialName() + ":is now mr3";
      sender.awaitLine(lastJoined);
      for (TestUser reader : readers.subList(0, 3)) {
        reader.awaitLine(lastJoined);
      }
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < rounds; i++) {
        burst.append("m").append(i).append('\n').append("to MR").append(i % 4).append(" p").append(i).append('\n');
      }
      sender.sendRaw(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String said = "[" + sender.addr() + "]mixer:m";
      for (int i = 0; i < rounds; i++) {
        sender.expect(said + i);
        sender.expect("you to mr" + (i % 4) + ": p" + i);
      }
      for (int r = 0; r < 4; r++) {
        TestUser reader = readers.get(r);
        for (int i = 0; i < rounds; i++) {
          reader.expect(said + i);
          if (i % 4 == r) {
            reader.expect("mixer to you: p" + i);
          }
        }
      }
    } finally {
      readers.forEach(TestUser::close);
      if (sender != null) {
        sender.close();
      }
      if (d != null) {
        d.close();
      }
    }
  }

  @Test
  void aNodeThatLeavesCleanlySaysGoodbyeAndItsUsersLeaveOnce() {
    ClusterNode d = ClusterNode.start(settings);
    try (TestUser ann = TestUser.join(a.port(), "ann2"); TestUser dan = TestUser.join(d.port(), "dan")) {
      ann.awaitLine("[" + dan.addr() + "]" + dan.initialName() + ":is now dan");
      d.close();
      dan.expect("server: shutting down, bye");
      dan.expectClosed();
      ann.expect("[" + dan.addr() + "]dan:offline");
      ann.send("who");
      ann.expect("[" + ann.addr() + "]ann2:online");
      List<String> after = ann.linesWithin(Duration.ofMillis(500));
      assertTrue(after.isEmpty(), "one leave notice only, and dan gone from who: " + after);
    }
  }
}
