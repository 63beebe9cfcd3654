package dev.vchat.client;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tutorial's menu, driven through the client's own stdin and stdout against the real server. */
@ExtendWith(VertxExtension.class)
class MenuTest {

  @Test
  void publicChatReachesAnotherUserUntilExit(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob");
         ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      client.out.await(Menu.CHOOSE);
      client.type("1").type("hello from the menu");
      bob.awaitLine(line -> line.endsWith(":hello from the menu"));
      client.out.await(":hello from the menu");

      client.type("exit");
      client.out.awaitCount(Menu.CHOOSE, 2);
      client.type("0");
      assertEquals(ExitCodes.OK, client.awaitExit());
      bob.awaitLine(line -> line.endsWith(":offline"));
      client.out.await("bye");
    }
  }

  @Test
  void privateChatShowsWhoThenReachesOnlyItsTarget(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser carl = TestUser.join(server.port(), "carl");
         ClientRun client = ClientRun.start("-ip", "127.0.0.1", "-port", String.valueOf(server.port()))) {
      client.out.await(Menu.CHOOSE);
      client.type("2");
      client.out.await("[" + ann.addr() + "]ann:online");
      client.out.await("[" + carl.addr() + "]carl:online");
      client.type("ann").type("psst, just you");
      ann.awaitLine(line -> line.endsWith(" to you: psst, just you"));
      client.out.await("you to ann: psst, just you");

      // then a public line: carl, who gets lines from one sender in order, must see it without the private one
      client.type("exit").type("1").type("now everyone");
      List<String> carlSaw = new ArrayList<>();
      carl.awaitLine(line -> {
        carlSaw.add(line);
        return line.endsWith(":now everyone");
      });
      assertFalse(carlSaw.stream().anyMatch(line -> line.contains("psst")), "carl saw " + carlSaw);
      client.close();
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void renameShowsTheServersAnswerBeforeTheMenuComesBack(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      client.out.await(Menu.CHOOSE);
      client.type("3").type("zed");
      String shown = client.out.awaitCount(Menu.CHOOSE, 2);
      assertTrue(shown.indexOf("renamed to: zed") < shown.lastIndexOf(Menu.CHOOSE), shown);

      client.type("3").type("ANN");
      shown = client.out.awaitCount(Menu.CHOOSE, 3);
      assertTrue(shown.indexOf("error: name ANN is already in use") < shown.lastIndexOf(Menu.CHOOSE), shown);
      ann.awaitLine(line -> line.endsWith(":is now zed"));
      client.close();
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void aBadChoiceAsksAgain(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      client.out.await(Menu.CHOOSE);
      client.type("7");
      client.out.await("no such choice: 7 (type 1, 2, 3 or 0)");
      client.out.awaitCount(Menu.CHOOSE, 2);
      client.type("0");
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }
}
