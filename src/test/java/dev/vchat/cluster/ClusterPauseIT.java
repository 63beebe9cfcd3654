package dev.vchat.cluster;

import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.ProcessOutput;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node in its own JVM (the fat jar) is frozen with SIGSTOP, as a long GC or VM pause would
 * freeze it, for many heartbeats but less than {@code clusterFailureSeconds}, then resumed with
 * SIGCONT: it is not declared dead. Nobody sees a leave notice, {@code who} still lists everyone on
 * every node, and what was said to the paused node's users during the pause reaches them after it.
 */
class ClusterPauseIT {

  /** Set here, not taken from the default, so the test does not move when the default does. */
  private static final int FAILURE_SECONDS = 12;
  /**
   * Six missed heartbeats (1 s each), half the failure time, and under the private message's 10 s
   * send timeout (ToCommand): a longer pause answers "not online" (docs/ARCHITECTURE.md).
   */
  private static final Duration PAUSE = Duration.ofSeconds(6);

  @Test
  void aNodePausedShorterThanTheFailureTimeKeepsItsUsersAndGetsWhatWasSaidMeanwhile(@TempDir Path dir) throws Exception {
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 3).put("clusterFailureSeconds", FAILURE_SECONDS);
    try (ClusterNode a = ClusterNode.start(settings); ClusterNode b = ClusterNode.start(settings)) {
      int pausedPort = ChatServer.freePort();
      JsonObject pausedConfig = settings.copy().put("host", "127.0.0.1").put("port", pausedPort).put("ircPort", 0).put("instances", 1)
        .put("webEnabled", false);
      Path output = dir.resolve("paused.log");
      Process paused = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "chat.jar").toAbsolutePath().toString(), "-conf", pausedConfig.encode())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      try {
        ProcessOutput.await(output, "vchat started");
        try (TestUser ann = TestUser.join(a.port(), "ann");
             TestUser bob = TestUser.join(b.port(), "bob");
             TestUser pat = TestUser.join(pausedPort, "pat");
             TestUser pia = TestUser.join(pausedPort, "pia")) {
          List<TestUser> everyone = List.of(ann, bob, pat, pia);
          for (TestUser user : List.of(ann, bob, pat)) {
            awaitNoLeave(user, "[" + pia.addr() + "]" + pia.initialName() + ":is now pia");
          }

          long stopped = System.nanoTime();
          signal("STOP", paused);
          Thread.sleep(PAUSE.toMillis() / 3);
          ann.send("said during the pause");
          awaitNoLeave(bob, "[" + ann.addr() + "]ann:said during the pause");
          bob.send("to pat psst");
          Thread.sleep(PAUSE.toMillis() - PAUSE.toMillis() / 3);
          signal("CONT", paused);

          // what was said while the node was frozen reaches its users once it runs again
          awaitNoLeave(pat, "[" + ann.addr() + "]ann:said during the pause");
          awaitNoLeave(pia, "[" + ann.addr() + "]ann:said during the pause");
          awaitNoLeave(pat, "bob to you: psst");
          awaitNoLeave(bob, "you to pat: psst");

          // and chat crosses both ways afterwards
          pat.send("back again");
          for (TestUser user : List.of(ann, bob, pia)) {
            awaitNoLeave(user, "[" + pat.addr() + "]pat:back again");
          }
          ann.send("welcome back");
          for (TestUser user : List.of(bob, pat, pia)) {
            awaitNoLeave(user, "[" + ann.addr() + "]ann:welcome back");
          }

          // past the time a death would have been declared, still nobody has left
          long failureAt = stopped + TimeUnit.SECONDS.toNanos(FAILURE_SECONDS + 3);
          Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(failureAt - System.nanoTime())));
          for (TestUser user : everyone) {
            List<String> late = user.linesWithin(Duration.ofMillis(300));
            assertTrue(late.stream().noneMatch(line -> line.endsWith(":offline")), "a leave notice after the pause: " + late);
          }
          Set<String> all = Set.of(
            "[" + ann.addr() + "]ann:online", "[" + bob.addr() + "]bob:online",
            "[" + pat.addr() + "]pat:online", "[" + pia.addr() + "]pia:online");
          for (TestUser user : everyone) {
            user.send("who");
            Set<String> listed = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
              listed.add(user.nextLine());
            }
            assertEquals(all, listed, "who on every node lists everyone");
            assertTrue(user.linesWithin(Duration.ofMillis(300)).isEmpty(), "nobody more in who");
          }
          assertTrue(paused.isAlive());
        }
      } finally {
        paused.destroyForcibly();
        paused.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Skips lines until one of {@code expected} arrives; a leave notice on the way fails the test. */
  private static void awaitNoLeave(TestUser user, String... expected) {
    List<String> wanted = List.of(expected);
    user.awaitLine(line -> {
      assertFalse(line.endsWith(":offline"), "nobody leaves during a pause, yet: " + line);
      return wanted.contains(line);
    });
  }

  /** Sends {@code SIG<name>} to the process, as {@code kill -<name> <pid>} does. */
  private static void signal(String name, Process process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    assertTrue(kill.waitFor(5, TimeUnit.SECONDS), "kill -" + name);
    assertEquals(0, kill.exitValue(), "kill -" + name + " " + process.pid());
  }
}
