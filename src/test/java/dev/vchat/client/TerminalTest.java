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
      tmux.await(Menu.CHOOSE.strip());
      tmux.type("1");
      tmux.press("Enter");
      tmux.await("all>");
      tmux.type("half typed");
      tmux.await(screen -> lastLine(screen).equals("all> half typed"), "the half-typed line");

      bob.send("incoming while you type");
      String screen = tmux.await(s -> s.contains("]bob:incoming while you type")
        && lastLine(s).equals("all> half typed"), "the incoming line above the redrawn input");
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
      tmux.await(s -> lastLine(s).equals("all>"), "an empty prompt");
      tmux.press("C-d");
      bob.awaitLine(line -> line.endsWith(":offline"));
      tmux.await(s -> Files.exists(sttyFile) && s.contains("bye"), "the client's exit");
      assertEquals("0", Files.readString(exitFile).strip());
      String stty = Files.readString(sttyFile);
      assertTrue(Pattern.compile("(^|\\s)icanon(\\s|$)", Pattern.MULTILINE).matcher(stty).find(), stty);
      assertTrue(Pattern.compile("(^|\\s)echo(\\s|$)", Pattern.MULTILINE).matcher(stty).find(), stty);
    }
  }

  private static String lastLine(String screen) {
    List<String> lines = screen.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
