package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Private messages between users of one node, handed from session to session through the node's
 * directory of its users: in order, never ahead of the sender's earlier chat lines, and always to
 * whoever holds the name now, across two verticle instances.
 */
@ExtendWith(VertxExtension.class)
class PrivateMessageTest {

  private static final int ROUNDS = 300;

  @Test
  void aPrivateMessageNeverOvertakesTheSendersEarlierChatLine(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    // consecutive connections go round-robin to the two instances: ann and cat share one, bob has the other
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob");
         TestUser cat = TestUser.join(server.port(), "cat")) {
      ann.awaitLine("[" + cat.addr() + "]" + cat.initialName() + ":is now cat");
      bob.awaitLine("[" + cat.addr() + "]" + cat.initialName() + ":is now cat");
      // one write: the chat lines and the private messages are read, and run, in the same turns
      BurstOfChatAndPrivateLines.sendAndCheck(ann, bob, cat, "CAT", ROUNDS);
    }
  }

  @Test
  void privateMessagesFromManySendersReachTheirRecipientEachSendersInOrder(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    try (TestUser reader = TestUser.join(server.port(), "reader");
         TestUser one = TestUser.join(server.port(), "one");
         TestUser two = TestUser.join(server.port(), "two")) {
      reader.awaitLine("[" + two.addr() + "]" + two.initialName() + ":is now two");
      StringBuilder fromOne = new StringBuilder();
      StringBuilder fromTwo = new StringBuilder();
      for (int i = 0; i < ROUNDS; i++) {
        fromOne.append("to reader a").append(i).append('\n');
        fromTwo.append("to reader b").append(i).append('\n');
      }
      one.sendRaw(fromOne.toString().getBytes(StandardCharsets.UTF_8));
      two.sendRaw(fromTwo.toString().getBytes(StandardCharsets.UTF_8));
      int nextOfOne = 0;
      int nextOfTwo = 0;
      while (nextOfOne < ROUNDS || nextOfTwo < ROUNDS) {
        String line = reader.nextLine();
        if (line.startsWith("one to you: ")) {
          assertEquals("one to you: a" + nextOfOne++, line);
        } else {
          assertEquals("two to you: b" + nextOfTwo++, line);
        }
      }
    }
  }

  @Test
  void aPrivateMessageGoesToWhoeverHoldsTheNameNow(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("instances", 2));
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      bob.send("rename robert");
      bob.expect("renamed to: robert");
      ann.awaitLine("[" + bob.addr() + "]bob:is now robert");
      ann.send("to bob still bob?");
      ann.expect("error: bob is not online");
      ann.send("to ROBERT hi robert");
      ann.expect("you to robert: hi robert");
      bob.awaitLine("ann to you: hi robert");

      try (TestUser dan = TestUser.join(server.port(), "bob")) {
        ann.awaitLine("[" + dan.addr() + "]" + dan.initialName() + ":is now bob");
        bob.awaitLine("[" + dan.addr() + "]" + dan.initialName() + ":is now bob");
        ann.send("to bob hi new bob");
        ann.expect("you to bob: hi new bob");
        dan.expect("ann to you: hi new bob");
        dan.send("rename BOB");
        dan.expect("renamed to: BOB");
        ann.awaitLine("[" + dan.addr() + "]bob:is now BOB");
        ann.send("to bob same bob");
        ann.expect("you to BOB: same bob");
        dan.expect("ann to you: same bob");
        bob.send("to bob from the old bob");
        bob.awaitLine("you to BOB: from the old bob");
        dan.expect("robert to you: from the old bob");
      }
      ann.awaitLine(line -> line.endsWith("]BOB:offline"));
      ann.send("to bob gone?");
      ann.expect("error: bob is not online");

      bob.send("quit");
      bob.awaitLine("bye");
      ann.awaitLine(line -> line.endsWith("]robert:offline"));
      ann.send("to robert gone?");
      ann.expect("error: robert is not online");
    }
  }

  @Test
  void aPrivateMessageToOneselfIsShownThenEchoed(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject());
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.send("to ANN note to self");
      ann.expect("ann to you: note to self");
      ann.expect("you to ann: note to self");
    }
  }
}
