package dev.vchat.launcher;

import dev.vchat.support.ProcessOutput;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGTERM to the fat jar: every user is told, the sockets close, the process exits 0. */
class ShutdownIT {

  private static final Path JAR = Path.of("target", "chat.jar").toAbsolutePath();

  private Process process;

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }


  @Test
  void sigtermTellsEveryUserClosesTheirSocketsAndExitsZero(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    Path output = dir.resolve("out.txt");
    process = new ProcessBuilder(List.of(
      Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
      "-conf", "{\"host\": \"127.0.0.1\", \"ircPort\": 0, \"port\": " + port + ", \"webEnabled\": false, \"instances\": 2}"))
      .directory(dir.toFile())
      .redirectErrorStream(true)
      .redirectOutput(output.toFile())
      .start();
    ProcessOutput.await(output, "vchat started");
    try (TestUser ann = TestUser.join(port, "ann"); TestUser bob = TestUser.join(port, "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      bob.send("last words");
      ann.expect("[" + bob.addr() + "]bob:last words");

      process.destroy(); // SIGTERM on Linux

      ann.awaitLine("server: shutting down, bye");
      ann.expectClosed();
      bob.awaitLine("server: shutting down, bye");
      bob.expectClosed();
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), log);
    assertTrue(log.contains("vchat stopped"), log);
  }

  @Test
  void aMissingTlsFileStopsStartUpWithExitCode1NamingTheKey(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    Files.writeString(dir.resolve("key.pem"), "not checked: the certificate is missing first");
    process = new ProcessBuilder(List.of(
      Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
      "-conf", "{\"tlsCertPath\": \"nope.pem\", \"tlsKeyPath\": \"key.pem\"}"))
      .directory(dir.toFile())
      .redirectErrorStream(true)
      .redirectOutput(output.toFile())
      .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(1, process.exitValue(), log);
    assertTrue(log.contains("bad configuration: config key \"tlsCertPath\": nope.pem: no such file"), log);
  }
}
