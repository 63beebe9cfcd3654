package dev.vchat.client;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tutorial's menu, driven through the client's own stdin and stdout against the real server. */
@ExtendWith(VertxExtension.class)
class MenuTest {

  private static final String CHOOSE = MenuTexts.EN.choose();
  private static final String JOIN_WHICH = MenuTexts.EN.joinWhich();

  @Test
  void publicChatReachesAnotherUserUntilExit(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob");
         ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      client.out.await(CHOOSE);
      client.type("1").type("hello from the menu");
      bob.awaitLine(line -> line.endsWith(":hello from the menu"));
      client.out.await(":hello from the menu");

      client.type("exit");
      client.out.awaitCount(CHOOSE, 2);
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
      client.out.await(CHOOSE);
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
      client.out.await(CHOOSE);
      client.type("3").type("zed");
      String shown = client.out.awaitCount(CHOOSE, 2);
      assertTrue(shown.indexOf("renamed to: zed") < shown.lastIndexOf(CHOOSE), shown);

      client.type("3").type("ANN");
      shown = client.out.awaitCount(CHOOSE, 3);
      assertTrue(shown.indexOf("error: name ANN is already in use") < shown.lastIndexOf(CHOOSE), shown);
      ann.awaitLine(line -> line.endsWith(":is now zed"));
      client.close();
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void aBadChoiceAsksAgain(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      client.out.await(CHOOSE);
      client.type("7");
      client.out.await("no such choice: 7 (type 1, 2, 3, 4 or 0)");
      client.out.awaitCount(CHOOSE, 2);
      client.type("0");
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void roomsListsTheRoomsJoinsOneAndShowsItsHistoryBeforeTheMenu(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob");
         ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      bob.send("join #go").awaitLine("you are in #go");
      bob.send("anyone for go?").awaitLine(line -> line.endsWith("]bob:anyone for go?"));
      client.out.await(CHOOSE);

      client.type("4");
      client.out.await("#go (1)");
      client.out.await("#lobby (1)");
      String shown = client.out.await(JOIN_WHICH);
      assertTrue(shown.indexOf("#lobby (1)") < shown.indexOf(JOIN_WHICH), "the list comes before the question:\n" + shown);

      client.type("go");  // the # is added
      String history = "history: [" + bob.addr() + "]bob:anyone for go?";
      shown = client.out.awaitCount(CHOOSE, 2);
      assertTrue(shown.contains("you are in #go\n" + history + "\n"), shown);
      assertTrue(shown.indexOf(history) < shown.lastIndexOf(CHOOSE), "the history comes before the menu:\n" + shown);
      bob.awaitLine(line -> line.endsWith(":joined"));

      // public chat now speaks in #go, and history is sent as typed
      client.type("1");
      client.out.await(MenuTexts.EN.publicIntro("#go"));
      client.out.await(MenuTexts.EN.publicPrompt("#go"));
      client.type("hi bob");
      bob.awaitLine(line -> line.endsWith(":hi bob"));
      client.type("history");
      Pattern ownLine = Pattern.compile("^history: \\[[^\\]]+\\][^\\n]*:hi bob$", Pattern.MULTILINE);
      client.out.await(text -> ownLine.matcher(text).find() && text.indexOf(history) != text.lastIndexOf(history),
        "the history of #go: bob's line again, then the client's own");
      client.close();
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void aJoinTypedInPublicChatChangesThePrompt(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      client.out.await(CHOOSE);
      client.type("1");
      client.out.await("all #lobby> ");
      client.type("join #chess");
      String shown = client.out.await("all #chess> ");
      assertTrue(shown.indexOf("you are in #chess") < shown.indexOf("all #chess> "), shown);
      client.type("join #chess");
      client.out.await("error: ");
      client.type("exit").type("4");
      client.out.await("#chess (1)");
      client.type("exit");
      client.out.awaitCount(CHOOSE, 3);
      client.close();
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void privateChatListsTheRoomButReachesAnyone(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob");
         ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      client.out.await(CHOOSE);
      client.type("4");
      client.out.await(JOIN_WHICH);
      client.type("#chess");
      client.out.await("you are in #chess");
      client.out.awaitCount(CHOOSE, 2);
      client.type("2");
      client.out.await("online in #chess (a private message reaches any room):");
      client.type("bob").type("from #chess");
      bob.awaitLine(line -> line.endsWith(" to you: from #chess"));
      client.close();
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void againstAChineseServerTheMenuSpeaksTheTutorialsChinese(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("language", "zh"));
    MenuTexts zh = MenuTexts.ZH;
    try (ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      String shown = client.out.await(zh.choose());
      assertTrue(shown.contains(":已上线\n1.公聊模式\n2.私聊模式\n3.更新用户名\n4.房间列表\n0.退出\n" + zh.choose()), shown);
      client.type("7");
      client.out.await(">>>>请输入合法范围内的数字");
      client.type("3");
      client.out.await("请输入用户名: ");
      client.type("ann");
      shown = client.out.awaitCount(zh.choose(), 3);
      assertTrue(shown.indexOf("修改用户名为: ann") < shown.lastIndexOf(zh.choose()), shown);
      client.type("1");
      client.out.await(">>>>请输入聊天内容，exit退出");
      client.out.await("公聊 #lobby> ");
      client.type("你好");
      client.out.await("]ann:你好");
      client.type("exit").type("0");
      assertEquals(ExitCodes.OK, client.awaitExit());
      client.out.await("再见");
    }
  }

  @Test
  void langOverridesTheServersLanguage(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (ClientRun client = ClientRun.start("--lang", "zh", "--port", String.valueOf(server.port()))) {
      // with --lang the menu does not wait for the server's first line: the two may come in either order
      client.out.await(MenuTexts.ZH.menu() + "\n" + MenuTexts.ZH.choose());
      client.out.await(":online\n");
      client.type("0");
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
    ChatServer zhServer = ChatServer.start(vertx, new JsonObject().put("language", "zh"));
    try (ClientRun client = ClientRun.start("--lang", "en", "--port", String.valueOf(zhServer.port()))) {
      client.out.await(MenuTexts.EN.menu() + "\n" + CHOOSE);
      client.out.await(":已上线\n");
      client.type("0");
      assertEquals(ExitCodes.OK, client.awaitExit());
    }
  }

  @Test
  void anUnknownLangIsABadArgument() {
    try (ClientRun client = ClientRun.start("--lang", "fr", "--port", "1")) {
      assertEquals(ExitCodes.USAGE, client.awaitExit());
      assertEquals("vchat: bad language fr: use en or zh", client.err.text().strip());
    }
  }
}
