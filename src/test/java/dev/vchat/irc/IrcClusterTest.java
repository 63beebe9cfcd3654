package dev.vchat.irc;

import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.IrcTestUser;
import dev.vchat.support.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** IRC users on two clustered nodes (each its own Hazelcast member in this JVM), with an nc user. */
class IrcClusterTest {

  @Test
  void ircUsersOnTwoNodesAreOneChat() {
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 2);
    int ircA = ChatServer.freePort();
    int ircB = ChatServer.freePort();
    try (ClusterNode a = ClusterNode.start(settings.copy().put("ircPort", ircA));
         ClusterNode b = ClusterNode.start(settings.copy().put("ircPort", ircB));
         IrcTestUser ann = IrcTestUser.joinLobby(ircA, "ann");
         TestUser ned = TestUser.join(b.port(), "ned");
         IrcTestUser bob = IrcTestUser.joinLobby(ircB, "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      bob.send("PRIVMSG #lobby :hi from b");
      ann.expect(":bob!chat@127.0.0.1 PRIVMSG #lobby :hi from b");
      ned.awaitLine("[" + bob.addr() + "]bob:hi from b");
      ann.send("PRIVMSG bob :psst from a");
      bob.expect(":ann!chat@127.0.0.1 PRIVMSG bob :psst from a");
      ann.send("WHOIS bob");
      ann.expect(":vchat 311 ann bob chat 127.0.0.1 * :bob"); // the ident stays on bob's node
      ann.awaitLine(":vchat 318 ann bob :End of /WHOIS list");
      bob.send("JOIN #go");
      bob.awaitLine(l -> l.startsWith(":vchat 366 bob #go"));
      ann.send("JOIN #go");
      ann.expect(":ann!chat@127.0.0.1 JOIN #go");
      ann.expect(":vchat 353 ann = #go :ann @bob");
      ann.expect(":vchat 366 ann #go :End of /NAMES list");
      bob.expect(":ann!chat@127.0.0.1 JOIN #go");
      ann.send("NICK anna");
      ann.expect(":ann!chat@127.0.0.1 NICK anna");
      bob.expect(":ann!chat@127.0.0.1 NICK anna");
      ned.awaitLine("[" + ann.addr() + "]ann:is now anna");
      ann.send("QUIT :bye b");
      bob.expect(":anna!chat@127.0.0.1 QUIT :bye b");
      ned.awaitLine("[" + ann.addr() + "]anna:offline");
    }
  }
}
