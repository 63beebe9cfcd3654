package dev.vchat.ops;

import dev.vchat.support.ProcessOutput;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fat jar as an operator runs it: JSON logs on the switch, Vert.x's and the chat's metrics on /metrics. */
class OpsIT {

  private static final Path JAR = Path.of("target", "chat.jar").toAbsolutePath();

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopServers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void theJsonSwitchWritesOneJsonObjectPerLineAndTheJarServesMetrics(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    int webPort = ChatServer.freePort();
    Path stdout = dir.resolve("out.txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-DVCHAT_LOG_FORMAT=JSON", "-jar", JAR.toString(),
      "-conf", new JsonObject().put("host", "127.0.0.1").put("ircPort", 0).put("port", port).put("webPort", webPort).put("instances", 1).encode())
      .directory(dir.toFile())
      .redirectOutput(stdout.toFile())
      .redirectError(dir.resolve("err.txt").toFile())
      .start();
    started.add(process);
    ProcessOutput.await(stdout, "vchat started");

    Scrape http = new Scrape(webPort);
    try (TestUser ann = TestUser.join(port, "ann")) {
      ann.send("hello");
      ann.expect("[" + ann.addr() + "]ann:hello");
      http.await("vchat_users_online{node=\"local\"}", 1);
      http.await("vchat_messages_received_total", 1);
      String scrape = http.get("metrics").body();
      assertTrue(scrape.contains("vertx_eventbus_handlers"), scrape);
      assertTrue(scrape.contains("vertx_net_server_active_connections"), scrape);
      assertEquals(200, http.get("ready").statusCode());
    }
    ProcessOutput.await(stdout, "leave ann");

    List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
    assertFalse(lines.isEmpty());
    List<JsonObject> events = new ArrayList<>();
    for (String line : lines) {
      events.add(new JsonObject(line)); // throws if a line is not one JSON object
    }
    for (JsonObject event : events) {
      assertTrue(event.containsKey("timestamp") && event.containsKey("level") && event.containsKey("loggerName"), event.encode());
    }
    assertTrue(events.stream().anyMatch(e -> e.getString("formattedMessage", "").startsWith("vchat started")
      && e.getString("level").equals("INFO") && e.getString("loggerName").equals("dev.vchat.ChatMainVerticle")), lines.toString());
    assertTrue(events.stream().anyMatch(e -> e.getString("formattedMessage", "").startsWith("join ")), lines.toString());
  }

  @Test
  void withoutTheSwitchLogsStayText(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    Path stdout = dir.resolve("out.txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-jar", JAR.toString(),
      "-conf", new JsonObject().put("host", "127.0.0.1").put("ircPort", 0).put("port", port).put("webEnabled", false).put("instances", 1).encode())
      .directory(dir.toFile())
      .redirectOutput(stdout.toFile())
      .redirectError(dir.resolve("err.txt").toFile())
      .start();
    started.add(process);
    String text = ProcessOutput.await(stdout, "vchat started");
    assertTrue(text.lines().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  ChatMainVerticle - vchat started.*")), text);
    assertFalse(text.contains("|-WARN"), text); // logback's own warnings would mean a broken configuration
  }

}
