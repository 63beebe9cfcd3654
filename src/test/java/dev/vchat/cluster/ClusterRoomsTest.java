package dev.vchat.cluster;

import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rooms across three clustered nodes: a room's chat, `rooms`, `who` and history agree on every
 * node, and a node started after the lines were said serves the same history.
 */
class ClusterRoomsTest {

  private static List<String> lines(TestUser user, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(user.nextLine());
    }
    return out;
  }

  /** Joins #go, typed as {@code typed}: the room keeps the name it was made with. */
  private static void enterGo(TestUser user, String typed) {
    user.send("join " + typed);
    user.awaitLine("you are in #go");
  }

  @Test
  void roomsCountsWhoAndHistoryAgreeOnEveryNodeAndALateNodeHasTheHistory() {
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 4);
    try (ClusterNode a = ClusterNode.start(settings);
         ClusterNode b = ClusterNode.start(settings);
         ClusterNode c = ClusterNode.start(settings);
         TestUser ann = TestUser.join(a.port(), "ann");
         TestUser bob = TestUser.join(b.port(), "bob");
         TestUser cat = TestUser.join(c.port(), "cat")) {
      enterGo(ann, "#go");
      enterGo(bob, "#GO");
      ann.awaitLine("[" + bob.addr() + "]bob:joined");
      ann.send("one");
      ann.send("two");
      bob.awaitLine("[" + ann.addr() + "]ann:one");
      bob.expect("[" + ann.addr() + "]ann:two");
      bob.send("three");
      ann.awaitLine("[" + bob.addr() + "]bob:three");

      List<String> history = List.of("history: [" + ann.addr() + "]ann:one", "history: [" + ann.addr() + "]ann:two",
        "history: [" + bob.addr() + "]bob:three");
      for (TestUser user : List.of(ann, bob)) {
        user.send("who");
        user.awaitLine("[" + ann.addr() + "]ann:online");
        assertEquals("[" + bob.addr() + "]bob:online", user.nextLine(), "who lists the room on every node");
      }
      cat.send("rooms");
      assertEquals(List.of("#go (2)", "#lobby (1)"), List.of(cat.awaitLine("#go (2)"), cat.nextLine()));
      cat.send("who");
      assertEquals("[" + cat.addr() + "]cat:online", cat.awaitLine(line -> line.endsWith(":online")));
      enterGo(cat, "#go");
      assertEquals(history, lines(cat, 3), "a newcomer on a third node");

      try (ClusterNode late = ClusterNode.start(settings);
           TestUser dan = TestUser.join(late.port(), "dan")) {
        dan.send("rooms");
        assertEquals(List.of("#go (3)", "#lobby (1)"), List.of(dan.awaitLine("#go (3)"), dan.nextLine()));
        enterGo(dan, "#go");
        assertEquals(history, lines(dan, 3), "a node started after the lines were said");
        for (TestUser user : List.of(ann, bob, cat, dan)) {
          user.linesWithin(Duration.ofMillis(300));
          user.send("history");
          assertEquals(history, lines(user, 3), "the same history on every node");
          assertEquals(List.of(), user.linesWithin(Duration.ofMillis(300)), "no line twice");
        }
      }
    }
  }
}
