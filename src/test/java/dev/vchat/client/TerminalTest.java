package dev.vchat.client;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive menu in a real terminal (tmux): incoming lines never garble a half-typed line. */
@ExtendWith(VertxExtension.class)
class TerminalTest {

  @Test
  void anIncomingLineIsPrintedAboveTheHalfTypedInputWhichStaysIntact(Vertx vertx, @TempDir Path dir) throws Exception {
    ChatServer server = ChatServer.start(vertx);
    Path exitFile = dir.resolve("exit");
    Path sttyFile = dir.resolve("stty");
    String client = ClientProcess.command("client", "--port", String.valueOf(server.port())).stream()
      .map(TerminalTest::quote).collect(Collectors.joining(" "));
    // after the client: its exit code, and the terminal settings it left behind
    String shell = client + "; echo $? > " + quote(exitFile.toString())
      + "; stty -a > " + quote(sttyFile + ".part") + "; mv " + quote(sttyFile + ".part") + " " + quote(sttyFile.toString())
      + "; sleep 60";

    try (TestUser bob = TestUser.join(server.port(), "bob"); Tmux tmux = Tmux.start(shell)) {
      tmux.await(MenuTexts.EN.choose().strip());
      tmux.type("1");
      tmux.press("Enter");
      tmux.await("all #lobby>");
      tmux.type("half typed");
      tmux.await(screen -> lastLine(screen).equals("all #lobby> half typed"), "the half-typed line");

      bob.send("incoming while you type");
      String screen = tmux.await(s -> s.contains("]bob:incoming while you type")
        && lastLine(s).equals("all #lobby> half typed"), "the incoming line above the redrawn input");
      List<String> lines = screen.lines().toList();
      assertTrue(lines.get(lines.size() - 2).endsWith("]bob:incoming while you type"),
        "the incoming line sits right above the prompt:\n" + screen);
      assertEquals(1, lines.stream().filter(l -> l.contains("half typed")).count(),
        "the half-typed input appears once, on the prompt line:\n" + screen);

      // the buffer survived: finishing the line sends exactly what was typed
      tmux.type(" and finished");
      tmux.press("Enter");
      bob.awaitLine(line -> line.endsWith(":half typed and finished"));

      // Ctrl-D at the prompt leaves cleanly: exit 0, the terminal back in its normal mode
      tmux.await(s -> lastLine(s).equals("all #lobby>"), "an empty prompt");
      tmux.press("C-d");
      bob.awaitLine(line -> line.endsWith(":offline"));
      tmux.await(s -> Files.exists(sttyFile) && s.contains("bye"), "the client's exit");
      assertEquals("0", Files.readString(exitFile).strip());
      String stty = Files.readString(sttyFile);
      assertTrue(Pattern.compile("(^|\\s)icanon(\\s|$)", Pattern.MULTILINE).matcher(stty).find(), stty);
      assertTrue(Pattern.compile("(^|\\s)echo(\\s|$)", Pattern.MULTILINE).matcher(stty).find(), stty);
    }
  }

  @Test
  void theRoomsMenuJoinsGoShowsItsHistoryAndThePromptNamesTheRoom(Vertx vertx, @TempDir Path dir) throws Exception {
    ChatServer server = ChatServer.start(vertx);
    Path exitFile = dir.resolve("exit");
    MenuTexts en = MenuTexts.EN;
    String choose = en.choose().strip();
    try (TestUser bob = TestUser.join(server.port(), "bob");
         Tmux tmux = Tmux.start(clientThenExitCode(exitFile, "--port", String.valueOf(server.port())), 120, 50)) {
      bob.send("join #go").awaitLine("you are in #go");
      bob.send("anyone for a game of go?").awaitLine(line -> line.endsWith("]bob:anyone for a game of go?"));
      String history = "history: [" + bob.addr() + "]bob:anyone for a game of go?";

      tmux.await(choose);
      enter(tmux, "3");
      tmux.await(en.newName().strip());
      enter(tmux, "ann");
      tmux.await(s -> s.contains("renamed to: ann") && Screen.count(s, choose) == 2, "the rename's answer");

      enter(tmux, "4");
      String screen = tmux.await(s -> s.contains("#go (1)") && s.contains("#lobby (1)")
        && lastLine(s).equals(en.joinWhich().strip()), "the rooms and the question");
      assertTrue(screen.indexOf(en.roomsNow()) < screen.indexOf("#go (1)"), screen);
      enter(tmux, "go");
      screen = tmux.await(s -> Screen.count(s, choose) == 3, "the menu after the join");
      assertTrue(screen.contains("you are in #go\n" + history + "\n" + en.menu() + "\n"),
        "the join's answer, the history, then the menu:\n" + screen);
      bob.awaitLine(line -> line.endsWith("]ann:joined"));

      enter(tmux, "1");
      tmux.await(s -> lastLine(s).equals("all #go>"), "the prompt naming #go");
      enter(tmux, "history");
      tmux.await(s -> Screen.count(s, history) == 2, "the history asked for");
      enter(tmux, "hi bob, I'm in");
      bob.awaitLine(line -> line.endsWith("]ann:hi bob, I'm in"));
      bob.send("welcome to #go, ann");
      screen = tmux.await(s -> s.contains("]bob:welcome to #go, ann") && lastLine(s).equals("all #go>"),
        "bob's answer above the prompt");

      enter(tmux, "exit");
      tmux.await(s -> Screen.count(s, choose) == 4, "the menu again");
      enter(tmux, "0");
      tmux.await(s -> Files.exists(exitFile) && s.contains("bye"), "the client's exit");
      assertEquals("0", Files.readString(exitFile).strip());
      save("client-rooms.txt", tmux.history());
    }
  }

  @Test
  void againstAChineseServerTheMenuAndPromptsAreTheTutorialsChinese(Vertx vertx, @TempDir Path dir) throws Exception {
    ChatServer server = ChatServer.start(vertx, new io.vertx.core.json.JsonObject().put("language", "zh"));
    Path exitFile = dir.resolve("exit");
    MenuTexts zh = MenuTexts.ZH;
    String choose = zh.choose().strip();
    try (Tmux tmux = Tmux.start(clientThenExitCode(exitFile, "--port", String.valueOf(server.port())), 120, 40)) {
      String screen = tmux.await(s -> lastLine(s).equals(choose), "the menu");
      assertTrue(screen.contains(":已上线\n1.公聊模式\n2.私聊模式\n3.更新用户名\n4.房间列表\n0.退出\n" + choose),
        screen);

      enter(tmux, "3");
      tmux.await(s -> lastLine(s).equals(zh.newName().strip()), "请输入用户名");
      enter(tmux, "小明");
      tmux.await(s -> s.contains("修改用户名为: 小明") && Screen.count(s, choose) == 2, "the rename's answer");

      enter(tmux, "1");
      tmux.await(s -> s.contains(zh.publicIntro("#lobby")) && lastLine(s).equals("公聊 #lobby>"), "公聊模式");
      enter(tmux, "大家好");
      tmux.await("]小明:大家好");
      enter(tmux, "exit");

      enter(tmux, "4");
      tmux.await(s -> s.contains(zh.roomsNow() + "\n#lobby (1)") && lastLine(s).equals(zh.joinWhich().strip()),
        "房间列表");
      enter(tmux, "围棋");
      screen = tmux.await(s -> Screen.count(s, choose) == 4, "the menu after the join");
      assertTrue(screen.contains("你已进入 #围棋\nhistory: 暂无消息\n1.公聊模式"), screen);
      enter(tmux, "1");
      tmux.await(s -> lastLine(s).equals("公聊 #围棋>"), "the prompt naming #围棋");
      enter(tmux, "exit");
      tmux.await(s -> Screen.count(s, choose) == 5, "the menu again");
      enter(tmux, "0");
      tmux.await(s -> Files.exists(exitFile) && s.contains("再见"), "the client's exit");
      assertEquals("0", Files.readString(exitFile).strip());
      save("client-zh.txt", tmux.history());
    }
  }

  /** The client in the terminal, then its exit code into {@code exitFile}; the pane stays a while for a capture. */
  private static String clientThenExitCode(Path exitFile, String... args) {
    String client = ClientProcess.command(prepend("client", args)).stream()
      .map(TerminalTest::quote).collect(Collectors.joining(" "));
    return client + "; echo $? > " + quote(exitFile + ".part") + "; mv " + quote(exitFile + ".part") + " "
      + quote(exitFile.toString()) + "; sleep 60";
  }

  private static String[] prepend(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static void enter(Tmux tmux, String text) {
    tmux.type(text);
    tmux.press("Enter");
  }

  /** Keeps what the terminal showed in target/, for a person to look at. */
  private static void save(String name, String screen) throws java.io.IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", name), screen + "\n");
  }

  private static String lastLine(String screen) {
    List<String> lines = screen.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
