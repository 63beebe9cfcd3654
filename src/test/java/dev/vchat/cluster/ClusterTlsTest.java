package dev.vchat.cluster;

import dev.vchat.ChatMainVerticle;
import dev.vchat.config.ChatConfig;
import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.TestUser;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS on the clustered event bus, with real clustered nodes: two nodes holding certificates of the
 * cluster's CA chat across as usual, while the bytes between them, tapped by a relay on the way,
 * are TLS records with none of what was said in them; and a node that trusts the cluster's CA but
 * holds a certificate of another CA exchanges nothing with them, neither way.
 */
class ClusterTlsTest {

  @Test
  void nodesWithTheClustersCertificatesChatOverTlsAndANodeWithoutOneHearsNothing(@TempDir Path dir) throws Exception {
    TestCa ca = TestCa.create(dir.resolve("ca"), "vchat test cluster CA");
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 4);
    int busPort = ChatServer.freePort();
    try (RecordingRelay tap = RecordingRelay.to(busPort)) {
      // node A's event bus is reached by the others through the tap: A announces the tap's port as its own
      VertxOptions behindTap = new VertxOptions();
      behindTap.getEventBusOptions().setPort(busPort).setClusterPublicPort(tap.port());
      JsonObject aConfig = nodeConfig(settings.copy().mergeIn(TestCa.settings(ca.node("node-a"), ca.cert())));
      Vertx a = HazelcastSetup.clusteredBuilder(behindTap, ChatConfig.fromJson(aConfig)).buildClustered().await();
      try (ClusterNode b = ClusterNode.start(settings.copy().mergeIn(TestCa.settings(ca.node("node-b"), ca.cert())))) {
        a.deployVerticle(new ChatMainVerticle(), new DeploymentOptions().setConfig(aConfig)).await();
        int aPort = aConfig.getInteger("port");
        try (TestUser ann = TestUser.join(aPort, "ann");
             TestUser bob = TestUser.join(b.port(), "bob")) {
          ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");

          bob.send("the secret plan is ready");
          ann.expect("[" + bob.addr() + "]bob:the secret plan is ready");
          ann.send("good, tell nobody");
          ann.expect("[" + ann.addr() + "]ann:good, tell nobody");
          bob.awaitLine("[" + ann.addr() + "]ann:good, tell nobody");
          bob.send("to ann meet at noon");
          ann.expect("bob to you: meet at noon");
          bob.expect("you to ann: meet at noon");
          ann.send("who");
          assertEquals(Set.of("[" + ann.addr() + "]ann:online", "[" + bob.addr() + "]bob:online"),
            Set.of(ann.nextLine(), ann.nextLine()));

          // what crossed from B to A: TLS records (a handshake first, 0x16), no chat line, no name in clear
          byte[] tapped = tap.recorded();
          assertTrue(tapped.length > 1000, "bytes crossed the tap: " + tapped.length);
          assertEquals(0x16, tapped[0], "a TLS handshake record first");
          String asText = new String(tapped, StandardCharsets.ISO_8859_1);
          for (String clear : List.of("secret plan", "meet at noon", "bob", "chat.broadcast", "chat.user.")) {
            assertFalse(asText.contains(clear), "\"" + clear + "\" in clear text on the event bus");
          }

          // a node that trusts the cluster's CA but whose own certificate another CA signed
          TestCa rogue = TestCa.create(dir.resolve("rogue"), "not the cluster CA");
          try (ClusterNode e = ClusterNode.start(settings.copy().mergeIn(TestCa.settings(rogue.node("node-e"), ca.cert())));
               TestUser eve = TestUser.join(e.port(), "eve")) {
            eve.send("let me in");
            eve.expect("[" + eve.addr() + "]eve:let me in");
            ann.send("still among us");
            bob.awaitLine(line -> {
              assertFalse(line.contains(eve.addr()), "a line from the node without a certificate: " + line);
              return line.equals("[" + ann.addr() + "]ann:still among us");
            });
            bob.send("and only us");
            ann.awaitLine(line -> {
              assertFalse(line.contains(eve.addr()), "a line from the node without a certificate: " + line);
              return line.equals("[" + bob.addr() + "]bob:and only us");
            });
            eve.send("anyone?");
            eve.expect("[" + eve.addr() + "]eve:anyone?");
            List<String> eveGot = eve.linesWithin(Duration.ofSeconds(2));
            assertTrue(eveGot.isEmpty(), "the node without a certificate heard: " + eveGot);
            for (TestUser user : List.of(ann, bob)) {
              List<String> late = user.linesWithin(Duration.ofMillis(500));
              assertTrue(late.stream().noneMatch(line -> line.contains(eve.addr())), "eve's lines arrived: " + late);
            }
          }
        }
      } finally {
        a.close().await();
      }
    }
  }

  /** A node's chat config: loopback, one TCP instance, no IRC, no web, like ClusterNode's. */
  private static JsonObject nodeConfig(JsonObject clusterSettings) {
    return new JsonObject()
      .put("host", "127.0.0.1")
      .put("port", ChatServer.freePort())
      .put("ircPort", 0)
      .put("instances", 2)
      .put("idleTimeoutSeconds", 0)
      .put("webEnabled", false)
      .mergeIn(ChatServer.generousLimits())
      .mergeIn(clusterSettings);
  }
}
