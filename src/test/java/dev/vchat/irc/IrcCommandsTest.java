package dev.vchat.irc;

import dev.vchat.support.ChatServer;
import dev.vchat.support.IrcTestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The IRC commands and their numerics, between IRC users, over real sockets. */
@ExtendWith(VertxExtension.class)
class IrcCommandsTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  @Test
  void joinSeveralChannelsPartAndTheirNotices(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      ann.send("JOIN #go,#rust");
      ann.expect(":ann!chat@127.0.0.1 JOIN #go");
      ann.expect(":vchat 353 ann = #go :@ann");
      ann.expect(":vchat 366 ann #go :End of /NAMES list");
      ann.expect(":ann!chat@127.0.0.1 JOIN #rust");
      ann.expect(":vchat 353 ann = #rust :@ann");
      ann.expect(":vchat 366 ann #rust :End of /NAMES list");
      bob.send("JOIN #GO");
      bob.expect(":bob!chat@127.0.0.1 JOIN #go");
      bob.expect(":vchat 353 bob = #go :@ann bob");
      bob.expect(":vchat 366 bob #go :End of /NAMES list");
      ann.expect(":bob!chat@127.0.0.1 JOIN #go");
      bob.send("JOIN #go");
      bob.send("JOIN bad");
      bob.expect(":vchat 403 bob bad :No such channel");

      ann.send("PRIVMSG #go :in go");
      bob.expect(":ann!chat@127.0.0.1 PRIVMSG #go :in go");
      ann.send("PRIVMSG #lobby :in the lobby");
      bob.expect(":ann!chat@127.0.0.1 PRIVMSG #lobby :in the lobby");
      ann.send("PRIVMSG #rust :alone");
      assertEquals(List.of(), ann.linesWithin(QUIET), "no echo of one's own lines");
      assertEquals(List.of(), bob.linesWithin(QUIET), "#rust is not bob's");

      bob.send("PRIVMSG #rust :hello?");
      bob.expect(":vchat 404 bob #rust :Cannot send to channel (you are not in it)");
      bob.send("PART #rust");
      bob.expect(":vchat 442 bob #rust :You're not on that channel");
      bob.send("PART #go :bye");
      bob.expect(":bob!chat@127.0.0.1 PART #go :bye");
      ann.expect(":bob!chat@127.0.0.1 PART #go :bye");
      bob.send("NAMES #go");
      bob.expect(":vchat 353 bob = #go :@ann");
      bob.expect(":vchat 366 bob #go :End of /NAMES list");
      bob.send("NAMES");
      bob.expect(":vchat 353 bob = #lobby :ann bob");
      bob.expect(":vchat 366 bob #lobby :End of /NAMES list");

      ann.send("JOIN 0");
      ann.expect(":ann!chat@127.0.0.1 PART #lobby");
      ann.expect(":ann!chat@127.0.0.1 PART #go");
      ann.expect(":ann!chat@127.0.0.1 PART #rust");
      bob.expect(":ann!chat@127.0.0.1 PART #lobby");
    }
  }

  @Test
  void historyIsReplayedOnJoinAsPrivmsgsFromTheSenders(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann")) {
      ann.send("JOIN #go");
      ann.awaitLine(l -> l.startsWith(":vchat 366 ann #go"));
      ann.send("PRIVMSG #go :first");
      ann.send("PRIVMSG #go :second");
      ann.send("PING done");
      ann.expect(":vchat PONG vchat done"); // both lines went out before bob comes
      try (IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
        bob.send("JOIN #go");
        bob.expect(":bob!chat@127.0.0.1 JOIN #go");
        bob.expect(":vchat 353 bob = #go :@ann bob");
        bob.expect(":vchat 366 bob #go :End of /NAMES list");
        bob.expect(":ann!chat@127.0.0.1 PRIVMSG #go :first");
        bob.expect(":ann!chat@127.0.0.1 PRIVMSG #go :second");
      }
    }
  }

  @Test
  void privmsgAndNoticeToNicksAndTheirErrors(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      ann.send("PRIVMSG bob :psst, bob");
      bob.expect(":ann!chat@127.0.0.1 PRIVMSG bob :psst, bob");
      ann.send("NOTICE BOB :a notice");
      bob.expect(":ann!chat@127.0.0.1 NOTICE bob :a notice");
      ann.send("NOTICE #lobby :a channel notice");
      bob.expect(":ann!chat@127.0.0.1 NOTICE #lobby :a channel notice");
      ann.send("PRIVMSG nobody :hello");
      ann.expect(":vchat 401 ann nobody :No such nick/channel");
      ann.send("NOTICE nobody :hello");
      ann.send("PRIVMSG");
      ann.expect(":vchat 411 ann :No recipient given (PRIVMSG)");
      ann.send("PRIVMSG bob");
      ann.expect(":vchat 412 ann :No text to send");
      ann.send("PRIVMSG bad.channel.name :x");
      ann.expect(":vchat 401 ann bad.channel.name :No such nick/channel");
      ann.send("PRIVMSG #no/such :x");
      ann.expect(":vchat 403 ann #no/such :No such channel");
      assertEquals(List.of(), ann.linesWithin(QUIET));
    }
  }

  @Test
  void nickChangesReachEveryoneInTheUsersChannels(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      ann.send("NICK anna");
      ann.expect(":ann!chat@127.0.0.1 NICK anna");
      bob.expect(":ann!chat@127.0.0.1 NICK anna");
      bob.send("NICK Anna");
      bob.expect(":vchat 433 bob Anna :Nickname is already in use");
      bob.send("NICK 1x");
      bob.expect(":vchat 432 bob 1x :Erroneous nickname");
      bob.send("NICK");
      bob.expect(":vchat 431 bob :No nickname given");
      ann.send("NICK ANNA");
      ann.expect(":anna!chat@127.0.0.1 NICK ANNA");
      bob.expect(":anna!chat@127.0.0.1 NICK ANNA");
    }
  }

  @Test
  void queriesWhoWhoisListTopicModeIsonUserhostLusersMotdAway(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      ann.send("WHO #lobby");
      ann.expect(":vchat 352 ann #lobby ~ann 127.0.0.1 vchat ann H :0 ann the tester");
      ann.expect(":vchat 352 ann #lobby ~bob 127.0.0.1 vchat bob H :0 bob the tester");
      ann.expect(":vchat 315 ann #lobby :End of /WHO list");
      ann.send("WHO bob");
      ann.expect(":vchat 352 ann #lobby ~bob 127.0.0.1 vchat bob H :0 bob the tester");
      ann.expect(":vchat 315 ann bob :End of /WHO list");

      bob.send("JOIN #go");
      bob.awaitLine(l -> l.startsWith(":vchat 366 bob #go"));
      ann.send("WHOIS bob");
      ann.expect(":vchat 311 ann bob ~bob 127.0.0.1 * :bob the tester");
      ann.expect(":vchat 319 ann bob :#lobby @#go");
      ann.expect(":vchat 312 ann bob vchat :vchat");
      ann.expect(":vchat 318 ann bob :End of /WHOIS list");
      ann.send("WHOIS nobody");
      ann.expect(":vchat 401 ann nobody :No such nick/channel");
      ann.expect(":vchat 318 ann nobody :End of /WHOIS list");

      ann.send("LIST");
      ann.expect(":vchat 321 ann Channel :Users  Name");
      ann.expect(":vchat 322 ann #go 1 :");
      ann.expect(":vchat 322 ann #lobby 2 :");
      ann.expect(":vchat 323 ann :End of /LIST");

      ann.send("TOPIC #lobby");
      ann.expect(":vchat 331 ann #lobby :No topic is set");
      ann.send("TOPIC #lobby :new topic");
      ann.expect(":vchat 482 ann #lobby :Rooms have no topic: nobody may set one");
      ann.send("TOPIC #go :new topic");
      ann.expect(":vchat 442 ann #go :You're not on that channel");
      ann.send("MODE #lobby");
      ann.expect(":vchat 324 ann #lobby +");
      ann.send("MODE #lobby +o bob");
      ann.expect(":vchat 482 ann #lobby :#lobby has no operators");
      ann.send("MODE ann");
      ann.expect(":vchat 221 ann +");
      ann.send("MODE ann +x");
      ann.expect(":vchat 501 ann :Unknown MODE flag");
      ann.send("MODE bob");
      ann.expect(":vchat 502 ann :Can't change mode for other users");

      ann.send("ISON bob nobody BOB");
      ann.expect(":vchat 303 ann :bob BOB");
      ann.send("USERHOST bob nobody");
      ann.expect(":vchat 302 ann :bob=+chat@127.0.0.1");
      ann.send("LUSERS");
      ann.expect(":vchat 251 ann :There are 2 users and 0 invisible on 1 servers");
      ann.expect(":vchat 252 ann 0 :operator(s) online");
      ann.expect(":vchat 254 ann 2 :channels formed");
      ann.expect(":vchat 255 ann :I have 2 clients and 0 servers");
      ann.expect(":vchat 265 ann 2 2 :Current local users 2, max 2");
      ann.expect(":vchat 266 ann 2 2 :Current global users 2, max 2");
      ann.send("MOTD");
      ann.expect(":vchat 375 ann :- vchat Message of the day -");
      ann.awaitLine(":vchat 376 ann :End of /MOTD command.");
      ann.send("AWAY :lunch");
      ann.expect(":vchat 306 ann :You have been marked as being away");
      bob.send("WHO A*");
      bob.expect(":vchat 352 bob #lobby ~ann 127.0.0.1 vchat ann G :0 ann the tester");
      bob.expect(":vchat 315 bob A* :End of /WHO list");
      bob.send("WHOIS ann");
      bob.expect(":vchat 311 bob ann ~ann 127.0.0.1 * :ann the tester");
      bob.expect(":vchat 301 bob ann :lunch");
      bob.awaitLine(":vchat 318 bob ann :End of /WHOIS list");
      ann.send("AWAY");
      ann.expect(":vchat 305 ann :You are no longer marked as being away");
    }
  }

  @Test
  void aNoticeToANickIsANoticeOnIrcAndAPrivateMessageOnTcp(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob");
         dev.vchat.support.TestUser ned = dev.vchat.support.TestUser.join(server.port(), "ned")) {
      ann.awaitLine(l -> l.endsWith(" NICK ned"));
      ann.send("NOTICE bob :an irc notice");
      bob.awaitLine(":ann!chat@127.0.0.1 NOTICE bob :an irc notice");
      ann.send("NOTICE ned :a notice to nc");
      ned.awaitLine("ann to you: a notice to nc");
      ann.send("NOTICE nobody :lost");
      ann.send("PRIVMSG bob :a privmsg");
      bob.awaitLine(":ann!chat@127.0.0.1 PRIVMSG bob :a privmsg");
      assertEquals(List.of(), ann.linesWithin(QUIET), "a NOTICE is never answered");
    }
  }

  @Test
  void quitTellsTheOthersAndClosesTheLink(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      bob.send("QUIT :gone");
      bob.expect("ERROR :Closing link: quit");
      bob.awaitClosed();
      ann.expect(":bob!chat@127.0.0.1 QUIT :gone");
      try (IrcTestUser carl = IrcTestUser.joinLobby(server.ircPort(), "carl")) {
        ann.expect(":carl!chat@127.0.0.1 JOIN #lobby");
        carl.close();
        ann.expect(":carl!chat@127.0.0.1 QUIT :left the chat");
      }
    }
  }
}
