package dev.vchat.client;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --no-menu}: stdin lines sent as typed, server lines on stdout, a clean exit at end of input. */
@ExtendWith(VertxExtension.class)
class NonInteractiveTest {

  @Test
  void linesAreSentAsTypedAndTheAnswersPrintedBeforeTheExit(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob");
         ClientRun client = ClientRun.start("--no-menu", "--port", String.valueOf(server.port()))) {
      client.type("rename ann").type("hello").type("who");
      client.close();
      assertEquals(ExitCodes.OK, client.awaitExit());
      bob.awaitLine(line -> line.endsWith("]ann:hello"));
      bob.awaitLine(line -> line.endsWith("]ann:offline"));
      List<String> lines = client.out.text().lines().toList();
      assertEquals("renamed to: ann", lines.get(1), lines.toString());
      assertTrue(lines.get(2).endsWith("]ann:hello"), lines.toString());
      assertTrue(lines.contains("[" + bob.addr() + "]bob:online"), lines.toString());
      assertEquals("bye", lines.get(lines.size() - 1), "the answers all arrive before the exit: " + lines);
      assertEquals("", client.err.text());
    }
  }

  /** The real thing: {@code printf ... | java ... ChatLauncher client --no-menu} in a process of its own. */
  @Test
  void aPipeIntoTheLauncherEndToEnd(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx);
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      Process process = ClientProcess.builder("client", "--no-menu", "--port", String.valueOf(server.port())).start();
      try {
        process.getOutputStream().write("rename ann\nhello there\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the client did not exit at end of input");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out + err);
        assertTrue(out.contains("renamed to: ann\n"), out);
        assertTrue(out.contains("]ann:hello there\n"), out);
        assertTrue(out.endsWith("bye\n"), out);
        bob.awaitLine(line -> line.endsWith("]ann:hello there"));
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
