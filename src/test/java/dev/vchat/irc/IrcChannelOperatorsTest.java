package dev.vchat.irc;

import dev.vchat.support.ChatServer;
import dev.vchat.support.ClusterNode;
import dev.vchat.support.IrcTestUser;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Channel operators: whoever enters an empty room, MODE +o/-o, KICK, across transports and nodes, over real sockets. */
@ExtendWith(VertxExtension.class)
class IrcChannelOperatorsTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  @Test
  void whoeverEntersAnEmptyRoomIsItsOperatorAndCanShareIt(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      ann.send("JOIN #go");
      ann.expect(":ann!chat@127.0.0.1 JOIN #go");
      ann.expect(":vchat 353 ann = #go :@ann");
      ann.awaitLine(":vchat 366 ann #go :End of /NAMES list");
      bob.send("JOIN #go");
      bob.expect(":bob!chat@127.0.0.1 JOIN #go");
      bob.expect(":vchat 353 bob = #go :@ann bob");
      bob.awaitLine(":vchat 366 bob #go :End of /NAMES list");
      ann.expect(":bob!chat@127.0.0.1 JOIN #go");

      bob.send("WHO #go");
      bob.expect(":vchat 352 bob #go ~ann 127.0.0.1 vchat ann H@ :0 ann the tester");
      bob.expect(":vchat 352 bob #go ~bob 127.0.0.1 vchat bob H :0 bob the tester");
      bob.expect(":vchat 315 bob #go :End of /WHO list");
      bob.send("WHOIS ann");
      bob.expect(":vchat 311 bob ann ~ann 127.0.0.1 * :ann the tester");
      bob.expect(":vchat 319 bob ann :#lobby @#go");
      bob.awaitLine(":vchat 318 bob ann :End of /WHOIS list");
      bob.send("MODE #go");
      bob.expect(":vchat 324 bob #go +");

      bob.send("MODE #go +o bob");
      bob.expect(":vchat 482 bob #go :You're not channel operator");
      bob.send("KICK #go ann");
      bob.expect(":vchat 482 bob #go :You're not channel operator");
      bob.send("MODE #lobby +o bob");
      bob.expect(":vchat 482 bob #lobby :#lobby has no operators");
      ann.send("MODE #go +s");
      ann.expect(":vchat 472 ann s :is unknown mode char to me (rooms have only operators)");
      ann.send("MODE #go +o nobody");
      ann.expect(":vchat 401 ann nobody :No such nick/channel");

      ann.send("MODE #go +o bob");
      ann.expect(":ann!chat@127.0.0.1 MODE #go +o bob");
      bob.expect(":ann!chat@127.0.0.1 MODE #go +o bob");
      bob.send("NAMES #go");
      bob.expect(":vchat 353 bob = #go :@ann @bob");
      bob.expect(":vchat 366 bob #go :End of /NAMES list");
      bob.send("MODE #go -o ann");
      bob.expect(":bob!chat@127.0.0.1 MODE #go -o ann");
      ann.expect(":bob!chat@127.0.0.1 MODE #go -o ann");
      ann.send("MODE #go +o bob");
      ann.expect(":vchat 482 ann #go :You're not channel operator");

      // an operator who leaves the room is no longer one when it comes back
      bob.send("PART #go");
      bob.expect(":bob!chat@127.0.0.1 PART #go");
      ann.expect(":bob!chat@127.0.0.1 PART #go");
      bob.send("JOIN #go");
      bob.expect(":bob!chat@127.0.0.1 JOIN #go");
      bob.expect(":vchat 353 bob = #go :ann bob");
    }
  }

  @Test
  void kickTakesAnIrcUserOutOfTheChannelAndTellsEveryoneWhy(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob");
         IrcTestUser cat = IrcTestUser.joinLobby(server.ircPort(), "cat")) {
      ann.send("JOIN #go");
      ann.awaitLine(":vchat 366 ann #go :End of /NAMES list");
      bob.send("JOIN #go");
      bob.awaitLine(":vchat 366 bob #go :End of /NAMES list");
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #go");

      cat.send("KICK #go bob");
      cat.expect(":vchat 442 cat #go :You're not on that channel");
      ann.send("KICK #go cat");
      ann.expect(":vchat 441 ann cat #go :They aren't on that channel");
      ann.send("KICK #go bob :spamming");
      ann.expect(":ann!chat@127.0.0.1 KICK #go bob :spamming");
      bob.expect(":ann!chat@127.0.0.1 KICK #go bob :spamming");
      bob.send("PRIVMSG #go :let me back");
      bob.expect(":vchat 404 bob #go :Cannot send to channel (you are not in it)");
      bob.send("NAMES #go");
      bob.expect(":vchat 353 bob = #go :@ann");
      bob.expect(":vchat 366 bob #go :End of /NAMES list");
      bob.send("PRIVMSG #lobby :still in the lobby");
      ann.expect(":bob!chat@127.0.0.1 PRIVMSG #lobby :still in the lobby");
      assertEquals(List.of(), cat.linesWithin(QUIET).stream().filter(l -> l.contains("KICK")).toList(),
        "the kick is for #go's users only");

      ann.send("KICK #go ann");
      ann.expect(":ann!chat@127.0.0.1 KICK #go ann :ann");
      ann.send("NAMES #go");
      ann.expect(":vchat 366 ann #go :End of /NAMES list");
    }
  }

  @Test
  void aTcpUserKickedFromItsRoomGoesBackToTheLobby(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         TestUser ned = TestUser.join(server.port(), "ned");
         TestUser lia = TestUser.join(server.port(), "lia")) {
      ann.send("JOIN #go");
      ann.awaitLine(":vchat 366 ann #go :End of /NAMES list");
      ned.send("join #go");
      ned.awaitLine("you are in #go");
      ned.expect("history: empty");
      ann.awaitLine(":ned!chat@127.0.0.1 JOIN #go");
      lia.send("join #go");
      lia.awaitLine("you are in #go");
      lia.expect("history: empty");
      ann.awaitLine(":lia!chat@127.0.0.1 JOIN #go");
      ned.awaitLine("[" + lia.addr() + "]lia:joined");

      ann.send("KICK #go ned :off topic");
      ann.expect(":ann!chat@127.0.0.1 KICK #go ned :off topic");
      ned.expect("[" + ned.addr() + "]ned:kicked from #go by ann: off topic");
      ned.expect("you are in #lobby");
      ned.expect("history: empty");
      lia.expect("[" + ned.addr() + "]ned:kicked from #go by ann: off topic");
      ann.expect(":ned!chat@127.0.0.1 JOIN #lobby");
      ned.send("back in the lobby");
      ned.expect("[" + ned.addr() + "]ned:back in the lobby");
      ann.expect(":ned!chat@127.0.0.1 PRIVMSG #lobby :back in the lobby");
      assertEquals(List.of(), lia.linesWithin(QUIET), "#lobby's lines are not for #go");

      ann.send("MODE #go +o lia");
      ann.expect(":ann!chat@127.0.0.1 MODE #go +o lia");
      lia.expect("[" + lia.addr() + "]lia:operator of #go now (by ann)");
      ann.send("MODE #go -o lia");
      lia.expect("[" + lia.addr() + "]lia:no longer operator of #go (by ann)");

      // a TCP user who enters an empty room is its operator too
      ned.send("join #tcp");
      ned.expect("you are in #tcp");
      ann.awaitLine(":ned!chat@127.0.0.1 PART #lobby");
      ann.send("NAMES #tcp");
      ann.expect(":vchat 353 ann = #tcp :@ned");
    }
  }

  @Test
  void operatorStatusIsTheSameOnEveryNode() {
    JsonObject settings = ClusterNode.clusterSettings(ChatServer.freePort(), 2);
    int ircA = ChatServer.freePort();
    int ircB = ChatServer.freePort();
    try (ClusterNode a = ClusterNode.start(settings.copy().put("ircPort", ircA));
         ClusterNode b = ClusterNode.start(settings.copy().put("ircPort", ircB));
         IrcTestUser ann = IrcTestUser.joinLobby(ircA, "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(ircB, "bob")) {
      ann.send("JOIN #go");
      ann.awaitLine(":vchat 366 ann #go :End of /NAMES list");
      bob.send("JOIN #go");
      bob.expect(":bob!chat@127.0.0.1 JOIN #go");
      bob.expect(":vchat 353 bob = #go :@ann bob");
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #go");
      ann.send("MODE #go +o bob");
      ann.expect(":ann!chat@127.0.0.1 MODE #go +o bob");
      bob.awaitLine(":ann!chat@127.0.0.1 MODE #go +o bob");
      ann.send("NAMES #go");
      ann.expect(":vchat 353 ann = #go :@ann @bob");
      bob.send("KICK #go ann :bye");
      bob.awaitLine(":bob!chat@127.0.0.1 KICK #go ann :bye");
      ann.awaitLine(":bob!chat@127.0.0.1 KICK #go ann :bye");
      ann.send("NAMES #go");
      ann.expect(":vchat 353 ann = #go :@bob");
    }
  }
}
