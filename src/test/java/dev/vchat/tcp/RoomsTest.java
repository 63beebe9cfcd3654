package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rows of "Rooms and history" (docs/PROTOCOL.md), over real sockets. */
@ExtendWith(VertxExtension.class)
class RoomsTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  private static String line(TestUser user, String name, String text) {
    return "[" + user.addr() + "]" + name + ":" + text;
  }

  @Test
  void joiningMovesTheUserAndEachRoomSeesItsOwnNotice(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser dan = TestUser.join(server.port(), "dan");
         TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob")) {
      dan.send("join #go");
      dan.awaitLine("you are in #go");
      dan.expect("history: empty");
      bob.awaitLine(line(dan, "dan", "left"));
      ann.awaitLine(line(dan, "dan", "left"));
      ann.linesWithin(QUIET);

      ann.send("join #go");
      ann.expect("you are in #go");
      ann.expect("history: empty");
      dan.expect(line(ann, "ann", "joined"));
      bob.expect(line(ann, "ann", "left"));
      assertEquals(List.of(), dan.linesWithin(QUIET), "the mover's old room's notice is not for #go");
    }
  }

  @Test
  void aRoomHearsOnlyItsOwnChatRenamesAndLeaves(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser dan = TestUser.join(server.port(), "dan");
         TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.send("join #go");
      ann.awaitLine("you are in #go");
      ann.expect("history: empty");
      dan.send("join #go");
      dan.awaitLine("you are in #go");
      dan.expect("history: empty");
      ann.awaitLine(line(dan, "dan", "joined"));
      bob.awaitLine(line(dan, "dan", "left"));

      bob.send("in the lobby");
      bob.expect(line(bob, "bob", "in the lobby"));
      bob.send("rename bobby");
      bob.expect("renamed to: bobby");
      ann.send("in go");
      ann.expect(line(ann, "ann", "in go"));
      dan.expect(line(ann, "ann", "in go"));
      assertEquals(List.of(), bob.linesWithin(QUIET), "#go's chat does not reach the lobby");

      ann.send("who");
      List<String> who = List.of(ann.nextLine(), ann.nextLine());
      assertEquals(List.of(line(ann, "ann", "online"), line(dan, "dan", "online")), who, "who lists the room only");

      TestUser carol = TestUser.join(server.port(), "carol");
      bob.awaitLine(line(carol, carol.addr(), "is now carol"));
      carol.send("quit");
      bob.awaitLine(line(carol, "carol", "offline"));
      bob.close();
      assertEquals(List.of(), dan.linesWithin(QUIET), "no lobby chat, rename, online or leave reaches #go");
    }
  }

  @Test
  void historyShowsTheLastLinesOfTheRoomToNewcomersAndOnAsking(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("historyLines", 5));
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser eve = TestUser.join(server.port(), "eve")) {
      ann.send("join #go");
      ann.awaitLine("you are in #go");
      ann.expect("history: empty");
      for (int i = 1; i <= 7; i++) {
        ann.send("line " + i);
        ann.expect(line(ann, "ann", "line " + i));
      }
      ann.send("to eve a secret");
      ann.expect("you to eve: a secret");

      eve.linesWithin(QUIET);
      eve.send("join #GO"); // the same room, shown as it was made
      eve.expect("you are in #go");
      for (int i = 3; i <= 7; i++) {
        eve.expect("history: " + line(ann, "ann", "line " + i)); // the last 5 kept, no private line
      }
      eve.send("history 2");
      eve.expect("history: " + line(ann, "ann", "line 6"));
      eve.expect("history: " + line(ann, "ann", "line 7"));
      eve.send("history");
      for (int i = 3; i <= 7; i++) {
        eve.expect("history: " + line(ann, "ann", "line " + i));
      }
      eve.send("history 0");
      eve.expect("error: usage: history [N], N from 1 to 5");
      eve.send("history 99999");
      eve.expect("error: usage: history [N], N from 1 to 5");
      eve.send("history 99999999999999999999");
      eve.expect("error: usage: history [N], N from 1 to 5");
      eve.send("history of rome");
      eve.expect(line(eve, "eve", "history of rome"));
      ann.awaitLine(line(eve, "eve", "history of rome"));

      eve.send("join #lobby");
      eve.expect("you are in #lobby");
      eve.expect("history: empty");
    }
  }

  @Test
  void roomsListsTheRoomsWithUsersAndTheirCounts(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob");
         TestUser cid = TestUser.join(server.port(), "cid")) {
      ann.send("join #Zed");
      ann.awaitLine("you are in #Zed");
      ann.expect("history: empty");
      bob.send("join #alpha");
      bob.awaitLine("you are in #alpha");
      bob.expect("history: empty");
      cid.send(" rooms ");
      cid.awaitLine("#alpha (1)");
      cid.expect("#lobby (1)");
      cid.expect("#Zed (1)");
      bob.send("join|#zed");
      bob.awaitLine("you are in #Zed");
      cid.send("rooms");
      cid.awaitLine("#lobby (1)");
      cid.expect("#Zed (2)");
      ann.send("quit");
      ann.awaitClosed();
      cid.send("rooms");
      cid.awaitLine("#lobby (1)");
      cid.expect("#Zed (1)");
    }
  }

  @Test
  void badRoomCommandsAreRefusedAndLookAlikesAreChat(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.send("join #lobby");
      ann.expect("error: you are already in #lobby");
      ann.send("join #LOBBY");
      ann.expect("error: you are already in #lobby");
      ann.send("join #");
      ann.expect("error: invalid room name #: # then 1 to 32 letters, digits, _ - or .");
      ann.send("join #two words");
      ann.expect("error: invalid room name #two words: # then 1 to 32 letters, digits, _ - or .");
      ann.send("join #" + "x".repeat(33));
      ann.expect("error: invalid room name #" + "x".repeat(33) + ": # then 1 to 32 letters, digits, _ - or .");
      ann.send("join us tonight");
      ann.expect(line(ann, "ann", "join us tonight"));
      ann.send("join");
      ann.expect(line(ann, "ann", "join"));
      ann.send("rooms please");
      ann.expect(line(ann, "ann", "rooms please"));
      ann.send("join #中文");
      ann.expect("you are in #中文");
    }
  }

  @Test
  void aNewcomerIsAnnouncedInTheLobbyOnlyAndPrivateMessagesCrossRooms(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.send("join #go");
      ann.expect("you are in #go");
      ann.expect("history: empty");
      try (TestUser bob = TestUser.join(server.port(), "bob")) {
        bob.send("to ann hello over there");
        bob.expect("you to ann: hello over there");
        ann.expect("bob to you: hello over there"); // no online or rename notice of bob before it
      }
    }
  }

  @Test
  void roomLinesAreInChineseToo(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("language", "zh"));
    try (TestUser ann = ChineseProtocolTest.join(server, "ann"); TestUser bob = ChineseProtocolTest.join(server, "bob")) {
      ann.awaitLine(line(bob, bob.addr(), "改名为 bob"));
      bob.send("join #go");
      bob.awaitLine("你已进入 #go");
      bob.expect("history: 暂无消息");
      ann.expect("[" + bob.addr() + "]bob:离开了房间");
      bob.send("你好");
      bob.expect(line(bob, "bob", "你好"));
      ann.send("join #go");
      ann.expect("你已进入 #go");
      ann.expect("history: " + line(bob, "bob", "你好"));
      bob.expect(line(ann, "ann", "加入了房间"));
      ann.send("join #go");
      ann.expect("error: 你已在 #go 中");
      ann.send("join #");
      ann.expect("error: 房间名无效: #");
      ann.send("history 0");
      ann.expect("error: 格式不正确，请使用 history [N]，N 为 1 到 100");
      ann.send("rooms");
      ann.expect("#go (2)");
    }
  }
}
