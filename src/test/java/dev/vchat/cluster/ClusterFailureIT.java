package dev.vchat.cluster;

import dev.vchat.support.ProcessOutput;
import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node in its own JVM (the fat jar, clustered by its config) is killed with SIGKILL: the
 * surviving nodes drop its users and everyone sees each leave notice exactly once.
 */
class ClusterFailureIT {

  @Test
  void whenANodeIsKilledItsUsersLeaveEveryonesWhoWithOneNoticeEach(@TempDir Path dir) throws Exception {
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 3);
    try (ClusterNode a = ClusterNode.start(settings); ClusterNode b = ClusterNode.start(settings)) {
      int victimPort = ChatServer.freePort();
      JsonObject victimConfig = settings.copy().put("host", "127.0.0.1").put("port", victimPort).put("ircPort", 0).put("instances", 1)
        .put("webEnabled", false);
      Path output = dir.resolve("victim.log");
      Process victim = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "chat.jar").toAbsolutePath().toString(), "-conf", victimConfig.encode())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      try {
        ProcessOutput.await(output, "vchat started");
        try (TestUser ann = TestUser.join(a.port(), "ann");
             TestUser bob = TestUser.join(b.port(), "bob");
             TestUser pat = TestUser.join(victimPort, "pat");
             TestUser pia = TestUser.join(victimPort, "pia")) {
          for (TestUser survivor : List.of(ann, bob)) {
            survivor.awaitLine("[" + pia.addr() + "]" + pia.initialName() + ":is now pia");
          }

          victim.destroyForcibly(); // SIGKILL: no goodbye from that node
          assertTrue(victim.waitFor(10, TimeUnit.SECONDS));

          for (TestUser survivor : List.of(ann, bob)) {
            List<String> notices = List.of(
              survivor.awaitLine(line -> line.endsWith(":offline")),
              survivor.awaitLine(line -> line.endsWith(":offline")));
            assertTrue(notices.contains("[" + pat.addr() + "]pat:offline"), notices.toString());
            assertTrue(notices.contains("[" + pia.addr() + "]pia:offline"), notices.toString());
          }
          ann.send("who");
          ann.expect("[" + ann.addr() + "]ann:online");
          ann.expect("[" + bob.addr() + "]bob:online");
          List<String> more = ann.linesWithin(Duration.ofSeconds(2));
          assertTrue(more.isEmpty(), "one notice per user, and only the survivors in who: " + more);
          assertTrue(bob.linesWithin(Duration.ofMillis(200)).isEmpty(), "one notice per user");
          bob.send("rename pat");
          bob.expect("renamed to: pat");
        }
      } finally {
        victim.destroyForcibly();
      }
    }
  }

}
