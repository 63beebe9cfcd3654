package dev.vchat.cluster;

import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling restart of a three-node cluster, each node the fat jar in its own JVM: one node at a
 * time gets SIGTERM, exits, and starts again with the same config, and its users reconnect. The
 * users on the other nodes see the restarted node's users leave, once each, and come back, and
 * nothing else; what is said while a node is down or starting reaches everyone connected; and the room's
 * history survives the whole round, though by the end every node has been restarted and holds
 * only what it copied from a peer. The event bus is encrypted (TLS with the cluster CA's
 * certificates), as a production cluster's would be.
 */
class RollingRestartIT {

  /** Small, so that a node that vanished without its goodbye would show within the test; set here, not the default. */
  private static final int FAILURE_SECONDS = 5;

  @Test
  void restartingTheNodesOneAtATimeCostsOnlyTheirUsersLeavesAndJoinsAndKeepsTheHistory(@TempDir Path dir) throws Exception {
    // as in production: the event bus encrypted, every node with its own certificate of the cluster's CA
    TestCa ca = TestCa.create(dir.resolve("ca"), "vchat test cluster CA");
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 3).put("clusterFailureSeconds", FAILURE_SECONDS);
    Map<NodeProcess, List<Heard>> usersOn = new LinkedHashMap<>();
    List<String> said = new ArrayList<>();
    NodeProcess a = NodeProcess.start("a", nodeConfig(settings, ca, "a"), dir);
    NodeProcess b = null;
    NodeProcess c = null;
    try {
      a.awaitLog("vchat started");
      b = NodeProcess.start("b", nodeConfig(settings, ca, "b"), dir);
      c = NodeProcess.start("c", nodeConfig(settings, ca, "c"), dir);
      b.awaitLog("vchat started");
      c.awaitLog("vchat started");
      usersOn.put(a, List.of(Heard.join(a, "ann"), Heard.join(a, "amy")));
      usersOn.put(b, List.of(Heard.join(b, "bob"), Heard.join(b, "ben")));
      usersOn.put(c, List.of(Heard.join(c, "cat"), Heard.join(c, "cid")));
      Heard last = usersOn.get(c).get(1);
      for (Heard user : everyone(usersOn)) {
        if (user != last) {
          user.await(last.renamed());
        }
      }
      Heard ann = usersOn.get(a).get(0);
      say(ann, "said before the restarts", everyone(usersOn), said);
      everyone(usersOn).forEach(Heard::take);

      for (NodeProcess node : List.of(a, b, c)) {
        restart(node, usersOn, said);
      }

      // every node was restarted: what each knows of the room it copied from a peer
      for (Heard user : everyone(usersOn)) {
        user.expectHistory(said);
      }
      for (Heard user : everyone(usersOn)) {
        List<String> late = user.user.linesWithin(Duration.ofSeconds(1));
        assertTrue(late.isEmpty(), user.name + " got more: " + late);
      }
    } finally {
      for (Heard user : everyone(usersOn)) {
        user.user.close();
      }
      for (NodeProcess node : new NodeProcess[] {c, b, a}) {
        if (node != null) {
          node.close();
          node.copyLogsTo(Path.of("target", "rolling-restart"));
        }
      }
    }
  }

  /** SIGTERM, exit, start again with the same config, its users reconnect under their names. */
  private static void restart(NodeProcess node, Map<NodeProcess, List<Heard>> usersOn, List<String> said) throws Exception {
    List<Heard> leaving = usersOn.get(node);
    List<Heard> others = new ArrayList<>(everyone(usersOn));
    others.removeAll(leaving);
    List<String> expected = new ArrayList<>();

    node.terminate();
    for (Heard user : leaving) {
      user.await("server: shutting down, bye");
      user.user.awaitClosed();
      expected.add("[" + user.user.addr() + "]" + user.name + ":offline");
    }
    for (Heard other : others) {
      other.awaitAll(expected);
    }
    assertEquals(0, node.awaitExit(), node.name() + "'s exit code after SIGTERM");

    expected.add(say(others.get(0), "said while " + node.name() + " was down", others, said));

    node.start();
    expected.add(say(others.get(others.size() - 1), "said while " + node.name() + " starts", others, said));
    String log = node.awaitLog("vchat started");
    assertTrue(log.contains("history of 1 rooms taken from a peer"), node.name() + " took no history:\n" + log);
    List<Heard> back = new ArrayList<>();
    for (Heard user : leaving) {
      Heard again = Heard.join(node, user.name);
      back.add(again);
      expected.add(again.online());
      expected.add(again.renamed());
    }
    for (Heard other : others) {
      other.awaitAll(expected.subList(expected.size() - 2 * back.size(), expected.size()));
    }
    List<Heard> all = new ArrayList<>(others);
    all.addAll(back);
    expected.add(say(back.get(0), "back on " + node.name(), all, said));

    for (Heard other : others) {
      List<String> heard = other.take();
      assertEquals(sorted(expected), sorted(heard), other.name + " saw, while " + node.name() + " restarted: " + heard);
    }
    back.forEach(Heard::take);
    for (Heard user : back) {
      user.expectHistory(said);
    }
    usersOn.put(node, back);
  }

  /** {@code speaker} says {@code text}; everyone in {@code audience} (the speaker too) gets it. Returns the line. */
  private static String say(Heard speaker, String text, Collection<Heard> audience, List<String> said) {
    String line = "[" + speaker.user.addr() + "]" + speaker.name + ":" + text;
    speaker.user.send(text);
    for (Heard listener : audience) {
      listener.await(line);
    }
    said.add(line);
    return line;
  }

  private static List<Heard> everyone(Map<NodeProcess, List<Heard>> usersOn) {
    return usersOn.values().stream().flatMap(List::stream).toList();
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }

  private static JsonObject nodeConfig(JsonObject settings, TestCa ca, String node) throws Exception {
    return settings.copy()
      .mergeIn(TestCa.settings(ca.node("node-" + node), ca.cert()))
      .put("host", "127.0.0.1")
      .put("port", ChatServer.freePort())
      .put("ircPort", 0)
      .put("instances", 1)
      .put("webEnabled", false)
      .put("idleTimeoutSeconds", 0);
  }

  /** A user and every line it has received since the last {@link #take()}, in order. */
  private static final class Heard {

    private final TestUser user;
    private final String name;
    private final List<String> lines = new ArrayList<>();

    private Heard(TestUser user, String name) {
      this.user = user;
      this.name = name;
    }

    static Heard join(NodeProcess node, String name) {
      return new Heard(TestUser.join(node.port(), name), name);
    }

    String online() {
      return "[" + user.addr() + "]" + user.initialName() + ":online";
    }

    String renamed() {
      return "[" + user.addr() + "]" + user.initialName() + ":is now " + name;
    }

    void await(String expected) {
      user.awaitLine(line -> {
        lines.add(line);
        return line.equals(expected);
      });
    }

    void awaitAll(Collection<String> expected) {
      for (String line : expected) {
        if (!lines.contains(line)) {
          await(line);
        }
      }
    }

    List<String> take() {
      List<String> taken = List.copyOf(lines);
      lines.clear();
      return taken;
    }

    /** {@code history 100}: every line said, in order, and nothing before them. */
    void expectHistory(List<String> said) {
      user.send("history 100");
      for (String line : said) {
        user.expect("history: " + line);
      }
    }
  }
}
