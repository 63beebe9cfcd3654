package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.NameRace;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many users, many instances, races and ordering, over real sockets. */
@ExtendWith(VertxExtension.class)
class ScaleTest {

  @Test
  void twoHundredConcurrentUsersAllSeeEachBroadcast(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    List<TestUser> users = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        users.add(TestUser.connect(server.port()));
      }
      for (TestUser user : users) {
        user.awaitLine("[" + user.addr() + "]" + user.addr() + ":online");
      }
      TestUser last = users.get(users.size() - 1);
      for (TestUser user : users.subList(0, users.size() - 1)) {
        user.awaitLine("[" + last.addr() + "]" + last.addr() + ":online");
      }
      // a newcomer after everyone is online sees nothing but its own line and the who answer
      TestUser asker = TestUser.join(server.port());
      users.add(asker);
      asker.send("who");
      List<String> who = IntStream.range(0, 201).mapToObj(i -> asker.nextLine()).toList();
      assertEquals(201, who.stream().filter(line -> line.endsWith(":online")).distinct().count());
      users.get(0).send("hello 200");
      String expected = "[" + users.get(0).addr() + "]" + users.get(0).addr() + ":hello 200";
      for (TestUser user : users) {
        user.awaitLine(expected);
      }
    } finally {
      users.forEach(TestUser::close);
    }
  }

  @Test
  void aThousandMessagesFromOneSenderArriveInOrder(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    try (TestUser reader = TestUser.join(server.port(), "reader");
         TestUser other = TestUser.join(server.port(), "other");
         TestUser sender = TestUser.join(server.port(), "sender")) {
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        burst.append("m").append(i).append('\n');
        if (i % 10 == 0) {
          burst.append("to reader p").append(i).append('\n');
        }
      }
      sender.sendRaw(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String prefix = "[" + sender.addr() + "]sender:";
      reader.awaitLine(prefix + "m0");
      for (int i = 0; i < 1000; i++) {
        if (i % 10 == 0) {
          reader.expect("sender to you: p" + i);
        }
        if (i < 999) {
          reader.expect(prefix + "m" + (i + 1));
        }
      }
      other.awaitLine(prefix + "m0");
      for (int i = 1; i < 1000; i++) {
        other.expect(prefix + "m" + i);
      }
    }
  }

  /**
   * Broadcasts queued for a flush while users come and go: a newcomer's first line is its own
   * online notice, then it sees the flood from some point on to its end, in order and without
   * gaps, among the later newcomers' join notices.
   */
  @Test
  void newcomersDuringAFloodSeeTheirOwnJoinFirstThenTheRestInOrder(Vertx vertx) throws InterruptedException {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    List<TestUser> newcomers = new ArrayList<>();
    try (TestUser sender = TestUser.join(server.port(), "sender")) {
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < 3000; i++) {
        burst.append("f").append(i).append('\n');
      }
      byte[] bytes = burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Thread flooder = new Thread(() -> sender.sendRaw(bytes));
      flooder.start();
      for (int i = 0; i < 20; i++) {
        newcomers.add(TestUser.join(server.port()));
      }
      flooder.join();
      sender.send("end");
      String prefix = "[" + sender.addr() + "]sender:";
      for (TestUser newcomer : newcomers) {
        int last = -1;
        for (String line = newcomer.nextLine(); !line.equals(prefix + "end"); line = newcomer.nextLine()) {
          if (line.endsWith(":online")) {
            continue; // a later newcomer
          }
          assertEquals(true, line.startsWith(prefix + "f"), "only the flood until its end: " + line);
          int seq = Integer.parseInt(line.substring(prefix.length() + 1));
          if (last >= 0) {
            assertEquals(last + 1, seq, "the flood arrives in order, without gaps");
          }
          last = seq;
        }
        assertEquals(true, last == -1 || last == 2999, "the flood arrives to its end, " + last);
        newcomer.send("who");
        newcomer.awaitLine(line -> line.endsWith("]sender:online"));
      }
    } finally {
      newcomers.forEach(TestUser::close);
    }
  }

  @Test
  void usersOnDifferentInstancesSeeEachOtherInEverything(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    // consecutive connections are spread round-robin over the two instances
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      bob.send("hi ann");
      ann.expect("[" + bob.addr() + "]bob:hi ann");
      ann.send("to bob hi bob");
      bob.awaitLine("ann to you: hi bob");
      bob.send("to ann hi again");
      ann.awaitLine("bob to you: hi again");
      ann.send("who");
      ann.awaitLine("[" + ann.addr() + "]ann:online");
      ann.expect("[" + bob.addr() + "]bob:online");
      bob.send("rename ann");
      bob.awaitLine("error: name ann is already in use");
      bob.send("rename bea");
      ann.awaitLine("[" + bob.addr() + "]bob:is now bea");
      bob.close();
      ann.awaitLine("[" + bob.addr() + "]bea:offline");
    }
  }

  @Test
  void whenManyRaceForOneNameExactlyOneGetsIt(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    List<TestUser> users = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        users.add(TestUser.join(server.port()));
      }
      for (int round = 0; round < 5; round++) {
        NameRace.assertOneWinner(users, "winner" + round);
      }
    } finally {
      users.forEach(TestUser::close);
    }
  }
}
