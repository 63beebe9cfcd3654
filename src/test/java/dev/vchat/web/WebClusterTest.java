package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A browser on one node of a cluster and a TCP user on another are one chat. */
class WebClusterTest {

  @Test
  void aBrowserOnOneNodeChatsAndWhispersWithATcpUserOnAnother() {
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 2);
    Vertx browserSide = Vertx.vertx();
    try (ClusterNode web = ClusterNode.startWithWeb(settings);
         ClusterNode tcp = ClusterNode.start(settings);
         TestUser bob = TestUser.join(tcp.port(), "bob");
         BridgeClient ann = BridgeClient.join(browserSide, web.webPort())) {
      String annAddr = bob.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      ann.say("rename ann").awaitLine("renamed to: ann");
      bob.awaitLine("[" + annAddr + "]" + annAddr + ":is now ann");

      ann.say("hello from the browser");
      bob.expect("[" + annAddr + "]ann:hello from the browser");
      bob.send("hello from nc");
      bob.expect("[" + bob.addr() + "]bob:hello from nc");
      ann.awaitLine("[" + bob.addr() + "]bob:hello from nc");

      bob.send("to ann psst");
      bob.expect("you to ann: psst");
      ann.awaitLine("bob to you: psst");
      ann.say("to bob back at you");
      bob.expect("ann to you: back at you");

      ann.say("who");
      ann.awaitLine("[" + bob.addr() + "]bob:online");
      ann.close();
      bob.expect("[" + annAddr + "]ann:offline");
    } finally {
      browserSide.close().await();
    }
  }
}
