package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of PROTOCOL.md, over real sockets against the deployed server (language "en"), with
 * config.json as shipped wherever a test needs nothing else (its limits, two instances).
 */
@ExtendWith(VertxExtension.class)
class ProtocolTest {

  @Test
  void everyoneSeesANewcomerComeOnlineUnderItsAddress(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port()); TestUser bob = TestUser.join(server.port())) {
      ann.expect("[" + bob.addr() + "]" + bob.addr() + ":online");
    }
  }

  @Test
  void chatReachesEveryoneTheSenderToo(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      ann.send("hello, all  of you ");
      ann.expect("[" + ann.addr() + "]ann:hello, all  of you ");
      bob.expect("[" + ann.addr() + "]ann:hello, all  of you ");
    }
  }

  @Test
  void whoListsEveryoneOnlineSortedByNameToTheAskerAlone(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser zed = TestUser.join(server.port(), "zed");
         TestUser amy = TestUser.join(server.port(), "Amy");
         TestUser anon = TestUser.join(server.port())) {
      anon.send("  who  ");
      anon.expect("[" + anon.addr() + "]" + anon.addr() + ":online");
      anon.expect("[" + amy.addr() + "]Amy:online");
      anon.expect("[" + zed.addr() + "]zed:online");
      anon.send("after");
      anon.expect("[" + anon.addr() + "]" + anon.addr() + ":after");
      amy.awaitLine("[" + anon.addr() + "]" + anon.addr() + ":after");
      assertTrue(amy.linesWithin(Duration.ofMillis(200)).isEmpty(), "who answers the asker alone");
    }
  }

  @Test
  void whoSortsNamesAsTheyReadNotByTheirLookAlikeKey(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser nick = TestUser.join(server.port(), "nick"); TestUser mary = TestUser.join(server.port(), "Mary")) {
      mary.send("who"); // the key of Mary is rnary, after nick
      assertEquals(List.of("[" + mary.addr() + "]Mary:online", "[" + nick.addr() + "]nick:online"),
        List.of(mary.nextLine(), mary.nextLine()));
    }
  }

  @Test
  void renameInBothSyntaxesTellsTheRenamerAndEveryoneElse(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port()); TestUser bob = TestUser.join(server.port())) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":online");
      ann.send("rename ann");
      ann.expect("renamed to: ann");
      // bob may still get ann's own online line first: it was published as bob was connecting
      bob.awaitLine("[" + ann.addr() + "]" + ann.addr() + ":is now ann");
      ann.send("rename|Zoë_2.x-y");
      ann.expect("renamed to: Zoë_2.x-y");
      bob.expect("[" + ann.addr() + "]ann:is now Zoë_2.x-y");
      ann.send("hi");
      bob.expect("[" + ann.addr() + "]Zoë_2.x-y:hi");
    }
  }

  @Test
  void aNameInUseIgnoringCaseIsRefused(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      bob.send("rename ANN");
      bob.expect("error: name ANN is already in use");
      bob.send("who");
      assertEquals(List.of("[" + ann.addr() + "]ann:online", "[" + bob.addr() + "]bob:online"),
        List.of(bob.nextLine(), bob.nextLine()));
    }
  }

  @Test
  void aUserMayChangeTheCaseOfItsOwnName(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      ann.send("rename Ann");
      ann.expect("renamed to: Ann");
      bob.awaitLine("[" + ann.addr() + "]ann:is now Ann");
    }
  }

  @Test
  void namesThatLookLikeAnOnlineNameAreTakenUntilItLeaves(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      TestUser bob = TestUser.join(server.port(), "bob");
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      for (String lookAlike : List.of("b\u043eb", "\uff42\uff4f\uff42", "BOB")) { // Cyrillic о, fullwidth, capitals
        ann.send("rename " + lookAlike);
        ann.expect("error: name " + lookAlike + " is already in use");
      }
      ann.send("after");
      bob.expect("[" + ann.addr() + "]ann:after"); // no rename reached bob
      bob.send("quit");
      bob.expect("bye");
      ann.awaitLine("[" + bob.addr() + "]bob:offline");
      ann.send("rename b\u043eb");
      ann.expect("renamed to: b\u043eb");
    }
  }

  @Test
  void aPrivateMessageToALookAlikeReachesTheNameItLooksLike(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob"); TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.send("to b\u043eb hi");
      ann.expect("you to bob: hi");
      bob.awaitLine("ann to you: hi");
    }
  }

  @Test
  void aUserMayTakeALookAlikeOfItsOwnName(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      bob.send("rename b\u043eb");
      bob.expect("renamed to: b\u043eb");
      ann.expect("[" + bob.addr() + "]bob:is now b\u043eb");
      bob.send("rename Bob");
      bob.expect("renamed to: Bob");
      ann.expect("[" + bob.addr() + "]b\u043eb:is now Bob");
    }
  }

  @Test
  void invalidNamesAreRefusedWithTheRule(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      for (String bad : List.of("two words", "a|b", "a:b", "[x]", "x".repeat(33), "semi;colon")) {
        ann.send("rename " + bad);
        ann.expect("error: invalid name " + bad + ": use 1 to 32 letters, digits, _ - or .");
      }
      ann.send("rename ");
      ann.expect("error: usage: rename NEW");
      ann.send("rename " + "李".repeat(32));
      ann.expect("renamed to: " + "李".repeat(32));
    }
  }

  @Test
  void privateMessagesInBothSyntaxesReachOnlyTheirTarget(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob");
         TestUser ann = TestUser.join(server.port(), "ann");
         TestUser eve = TestUser.join(server.port(), "eve")) {
      ann.awaitLine("[" + eve.addr() + "]" + eve.addr() + ":is now eve");
      bob.awaitLine("[" + eve.addr() + "]" + eve.addr() + ":is now eve");
      ann.send("to bob meet me  at noon | ok?");
      ann.expect("you to bob: meet me  at noon | ok?");
      bob.expect("ann to you: meet me  at noon | ok?");
      ann.send("to|BOB|pipes | stay|in");
      ann.expect("you to bob: pipes | stay|in");
      bob.expect("ann to you: pipes | stay|in");
      ann.send("public");
      // eve joined last, so the public line is the first thing she sees: nothing private came before
      eve.expect("[" + ann.addr() + "]ann:public");
      bob.expect("[" + ann.addr() + "]ann:public");
    }
  }

  @Test
  void privateMessageRefusals(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      for (String usage : List.of("to bob", "to ", "to bob  ", "to|bob", "to||text", "to|bob|  ")) {
        ann.send(usage);
        ann.expect("error: usage: to NAME TEXT");
      }
      ann.send("to ghost boo");
      ann.expect("error: ghost is not online");
      ann.send("to|ghost|boo");
      ann.expect("error: ghost is not online");
    }
  }

  @Test
  void aPrivateMessageToSomeoneWhoLeftIsRefused(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      TestUser bob = TestUser.join(server.port(), "bob");
      bob.send("quit");
      bob.expect("bye");
      ann.awaitLine(line -> line.endsWith("]bob:offline"));
      ann.send("to bob still there?");
      ann.expect("error: bob is not online");
    }
  }

  @Test
  void linesThatOnlyLookLikeCommandsAreChat(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      for (String chat : List.of("to", "rename", "WHO", "who am i", "helpme", "quit now", " to bob hi", "tobob hi")) {
        ann.send(chat);
        ann.expect("[" + ann.addr() + "]ann:" + chat);
      }
    }
  }

  @Test
  void helpListsTheCommandsToTheAskerAlone(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.send(" help ");
      ann.expect("commands:");
      List<String> rest = new java.util.ArrayList<>();
      for (int i = 0; i < 9; i++) {
        rest.add(ann.nextLine());
      }
      assertTrue(rest.get(0).contains("who"), rest.toString());
      assertTrue(rest.get(2).contains("to NAME TEXT"), rest.toString());
      assertTrue(rest.get(3).contains("join #ROOM"), rest.toString());
      assertTrue(rest.get(5).contains("history [N]"), rest.toString());
      assertEquals("anything else is sent to everyone in your room", rest.get(8));
    }
  }

  @Test
  void quitSaysByeClosesAndOthersSeeTheLeave(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      bob.send("quit");
      bob.expect("bye");
      bob.expectClosed();
      ann.awaitLine("[" + bob.addr() + "]bob:offline");
      ann.send("rename bob");
      ann.expect("renamed to: bob");
    }
  }

  @Test
  void anAbruptDisconnectIsALeaveAndFreesTheName(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      TestUser bob = TestUser.join(server.port(), "bob");
      bob.close();
      ann.awaitLine("[" + bob.addr() + "]bob:offline");
      ann.send("who");
      ann.expect("[" + ann.addr() + "]ann:online");
      ann.send("rename bob");
      ann.expect("renamed to: bob");
    }
  }

  @Test
  void emptyAndBlankLinesAreIgnored(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.sendRaw("\n   \n\t\r\n\u0007\n".getBytes(StandardCharsets.UTF_8));
      ann.send("after");
      ann.expect("[" + ann.addr() + "]ann:after");
    }
  }

  @Test
  void crlfLineEndsAreAccepted(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.sendRaw("hello\r\nwho\r\n".getBytes(StandardCharsets.UTF_8));
      ann.expect("[" + ann.addr() + "]ann:hello");
      ann.expect("[" + ann.addr() + "]ann:online");
    }
  }

  @Test
  void controlCharactersAreRemovedBeforeAnyoneSeesThem(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.send("\u001b[2J\u001b[31mred\u0007 \u009b1mbold\u007f\tend\rX");
      bob.awaitLine("[" + ann.addr() + "]ann:[2J[31mred 1mbold\tendX");
      ann.send("to bob \u001b]0;title\u0007hi");
      bob.expect("ann to you: ]0;titlehi");
    }
  }

  @Test
  void bidiOverridesAndIsolatesAreRemovedFromChatAndNames(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      ann.send("see \u202egnp.exe\u202c and \u2066\u202a\u202b\u202d\u2067\u2068x\u2069");
      ann.expect("[" + ann.addr() + "]ann:see gnp.exe and x");
      bob.expect("[" + ann.addr() + "]ann:see gnp.exe and x");
      ann.send("rename e\u202eve");
      ann.expect("renamed to: eve");
      bob.expect("[" + ann.addr() + "]ann:is now eve");
    }
  }

  @Test
  void invalidUtf8BecomesReplacementCharactersAndTheConnectionStays(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.sendRaw(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3, '\n'});
      ann.expect("[" + ann.addr() + "]ann:a\uFFFDb\uFFFD");
      ann.send("still here");
      ann.expect("[" + ann.addr() + "]ann:still here");
    }
  }

  @Test
  void anOverLongLineIsRefusedOnceAndTheConnectionStaysUsable(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("maxLineBytes", 64));
    try (TestUser bob = TestUser.join(server.port(), "bob"); TestUser ann = TestUser.join(server.port(), "ann")) {
      bob.awaitLine("[" + ann.addr() + "]" + ann.addr() + ":is now ann");
      ann.send("x".repeat(65));
      ann.expect("error: line too long (over 64 bytes), not delivered");
      // over the limit in several pieces: still one refusal
      ann.sendRaw("y".repeat(50).getBytes(StandardCharsets.UTF_8));
      ann.sendRaw("y".repeat(50).getBytes(StandardCharsets.UTF_8));
      ann.sendRaw("y".repeat(5000).getBytes(StandardCharsets.UTF_8));
      ann.sendRaw("\n".getBytes(StandardCharsets.UTF_8));
      ann.expect("error: line too long (over 64 bytes), not delivered");
      String exactly = "z".repeat(64);
      ann.sendRaw((exactly + "\r\n").getBytes(StandardCharsets.UTF_8));
      ann.expect("[" + ann.addr() + "]ann:" + exactly);
      bob.awaitLine("[" + ann.addr() + "]ann:" + exactly);
      assertTrue(bob.linesWithin(Duration.ofMillis(100)).isEmpty(), "nothing of the long lines reaches others");
    }
  }

  @Test
  void aLastLineWithoutLineEndIsDeliveredAtEndOfStream(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port());
      raw.getOutputStream().write("rename cat\nno newline".getBytes(StandardCharsets.UTF_8));
      raw.shutdownOutput();
      ann.awaitLine(line -> line.endsWith("]cat:no newline"));
      ann.awaitLine(line -> line.endsWith("]cat:offline"));
      raw.close();
    }
  }

  @Test
  void anIdleUserIsKickedAndEveryoneElseSeesItLeave(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("idleTimeoutSeconds", 1));
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      for (int i = 0; i < 8; i++) { // ann stays active for 2 s, past bob's timeout
        ann.send("");
        Thread.sleep(250);
      }
      bob.awaitLine("kicked: idle for 1 s");
      bob.expectClosed();
      ann.awaitLine("[" + bob.addr() + "]bob:offline");
    }
  }

  @Test
  void activityPutsOffTheIdleKick(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("idleTimeoutSeconds", 1));
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) { // 2.5 s of blank lines, each within the timeout
        ann.send(" ");
        Thread.sleep(250);
      }
      ann.send("still here");
      ann.expect("[" + ann.addr() + "]ann:still here");
      ann.expect("kicked: idle for 1 s");
      ann.expectClosed();
      assertTrue(System.nanoTime() - start > 3_000_000_000L, "kicked only after a full second of silence");
    }
  }
}
