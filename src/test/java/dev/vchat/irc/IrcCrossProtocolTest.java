package dev.vchat.irc;

import dev.vchat.support.ChatServer;
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

/** One chat across protocols: an nc user and IRC users in the same rooms, both ways. */
@ExtendWith(VertxExtension.class)
class IrcCrossProtocolTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  /** How an nc user sees an IRC user's line: [IP:PORT]NICK:TEXT. */
  private static String line(IrcTestUser user, String name, String text) {
    return "[" + user.addr() + "]" + name + ":" + text;
  }

  @Test
  void chatPrivateMessagesRenamesJoinsPartsAndQuitsMapBothWays(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (TestUser ned = TestUser.join(server.port(), "ned");
         IrcTestUser ann = IrcTestUser.register(server.ircPort(), "ann")) {
      ann.awaitLine(":ann!chat@127.0.0.1 JOIN #lobby");
      ann.expect(":vchat 353 ann = #lobby :ann ned");
      ann.expect(":vchat 366 ann #lobby :End of /NAMES list");
      ned.expect(line(ann, "ann", "online"));

      ned.send("hello irc");
      ned.expect("[" + ned.addr() + "]ned:hello irc");
      ann.expect(":ned!chat@127.0.0.1 PRIVMSG #lobby :hello irc");
      ann.send("PRIVMSG #lobby :hi nc");
      ned.expect(line(ann, "ann", "hi nc"));

      ned.send("to ann psst");
      ann.expect(":ned!chat@127.0.0.1 PRIVMSG ann :psst");
      ned.expect("you to ann: psst");
      ann.send("PRIVMSG ned :back at you");
      ned.expect("ann to you: back at you");

      ned.send("rename neddy");
      ned.expect("renamed to: neddy");
      ann.expect(":ned!chat@127.0.0.1 NICK neddy");
      ann.send("NICK anna");
      ann.expect(":ann!chat@127.0.0.1 NICK anna");
      ned.expect(line(ann, "ann", "is now anna"));

      ann.send("JOIN #go");
      ann.expect(":anna!chat@127.0.0.1 JOIN #go");
      ann.awaitLine(l -> l.startsWith(":vchat 366 anna #go"));
      assertEquals(List.of(), ned.linesWithin(QUIET), "#go's join is not for the lobby");
      ned.send("join #go");
      ned.expect("you are in #go");
      ned.expect("history: empty");
      ann.expect(":neddy!chat@127.0.0.1 PART #lobby");
      ann.expect(":neddy!chat@127.0.0.1 JOIN #go");
      ned.send("in go");
      ned.expect("[" + ned.addr() + "]neddy:in go");
      ann.expect(":neddy!chat@127.0.0.1 PRIVMSG #go :in go");
      ann.send("PART #go");
      ann.expect(":anna!chat@127.0.0.1 PART #go");
      ned.expect(line(ann, "anna", "left"));
      ann.send("JOIN #go");
      ann.expect(":anna!chat@127.0.0.1 JOIN #go");
      ned.expect(line(ann, "anna", "joined"));
      ann.awaitLine(":vchat 353 anna = #go :anna neddy");
      ann.awaitLine(":neddy!chat@127.0.0.1 PRIVMSG #go :in go"); // the history
      ned.send("who");
      ned.expect(line(ann, "anna", "online"));
      ned.expect("[" + ned.addr() + "]neddy:online");

      ned.send("quit");
      ned.expect("bye");
      ann.expect(":neddy!chat@127.0.0.1 QUIT :left the chat");
    }
  }

  @Test
  void anIrcQuitIsOfflineForNcUsers(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (TestUser ned = TestUser.join(server.port(), "ned");
         IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann")) {
      ned.expect(line(ann, "ann", "online"));
      ann.send("QUIT :bye");
      ann.expect("ERROR :Closing link: quit");
      ned.expect(line(ann, "ann", "offline"));
    }
  }

  @Test
  void namesThatAreNoNicksShowUnderAStableAliasThatReachesTheirUser(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         TestUser anon = TestUser.join(server.port())) {
      String port = anon.addr().substring(anon.addr().lastIndexOf(':') + 1);
      String alias = "`127|0|0|1^" + port;
      ann.expect(":" + alias + "!chat@127.0.0.1 JOIN #lobby");
      anon.send("hi from nc");
      ann.expect(":" + alias + "!chat@127.0.0.1 PRIVMSG #lobby :hi from nc");
      ann.send("PRIVMSG " + alias + " :hi alias");
      anon.awaitLine("ann to you: hi alias");
      ann.send("WHOIS " + alias);
      ann.expect(":vchat 311 ann " + alias + " chat 127.0.0.1 * :127.0.0.1:" + port);
      ann.expect(":vchat 319 ann " + alias + " :#lobby");
      ann.expect(":vchat 312 ann " + alias + " vchat :vchat");
      ann.expect(":vchat 318 ann " + alias + " :End of /WHOIS list");
      anon.send("rename dot.ted");
      ann.expect(":" + alias + "!chat@127.0.0.1 NICK dot|ted");
      ann.send("PRIVMSG dot|ted :dotted");
      anon.awaitLine("ann to you: dotted");
    }
  }

  @Test
  void meIsAStarredLineAndOtherCtcpRequestsAreDropped(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (TestUser ned = TestUser.join(server.port(), "ned");
         IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann")) {
      ned.expect(line(ann, "ann", "online"));
      ann.send("PRIVMSG ned :\u0001VERSION\u0001");
      ann.send("PRIVMSG #lobby :\u0001ACTION waves\u0001");
      ned.expect(line(ann, "ann", "* waves"));
      assertEquals(List.of(), ned.linesWithin(QUIET));
    }
  }
}
