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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration: CAP, NICK, USER, the welcome numerics, MOTD, the automatic JOIN #lobby; 431, 432, 433, 451, 461, 462. */
@ExtendWith(VertxExtension.class)
class IrcRegistrationTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  @Test
  void capNickUserGetTheWelcomeThenTheLobby(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.connect(server.ircPort())) {
      ann.send("CAP LS 302");
      ann.expect(":vchat CAP * LS :");
      ann.send("NICK ann");
      ann.send("USER ann 0 * :Ann Smith");
      assertEquals(List.of(), ann.linesWithin(QUIET), "registration waits for CAP END");
      ann.send("CAP END");
      ann.expect(":vchat 001 ann :Welcome to vchat, ann");
      ann.expectStart(":vchat 002 ann :");
      ann.expectStart(":vchat 003 ann :");
      ann.expect(":vchat 004 ann vchat vchat io o");
      ann.expect(":vchat 005 ann CASEMAPPING=rfc8265 CHANTYPES=# NICKLEN=32 USERLEN=9 CHANNELLEN=33 CHANMODES=,,, PREFIX=(o)@ NETWORK=vchat :are supported by this server");
      ann.expectStart(":vchat 375 ann :");
      ann.awaitLine(":vchat 376 ann :End of /MOTD command.");
      ann.expect(":ann!chat@127.0.0.1 JOIN #lobby");
      ann.expect(":vchat 353 ann = #lobby :ann");
      ann.expect(":vchat 366 ann #lobby :End of /NAMES list");
    }
  }

  @Test
  void withoutCapRegistrationEndsAtUser(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser bob = IrcTestUser.connect(server.ircPort())) {
      bob.send("USER bob 0 * :Bob").send("NICK bob");
      bob.expect(":vchat 001 bob :Welcome to vchat, bob");
      bob.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
    }
  }

  @Test
  void aConnectionPasswordIsAskedBeforeNickAndUserWhenConfigured(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx,
      new JsonObject().put("ircAutoJoin", false).put("ircPassword", OperPassword.hash("letmein", 1000)));
    try (IrcTestUser ann = IrcTestUser.connect(server.ircPort());
         IrcTestUser bob = IrcTestUser.connect(server.ircPort());
         IrcTestUser cat = IrcTestUser.connect(server.ircPort());
         IrcTestUser dan = IrcTestUser.connect(server.ircPort())) {
      ann.send("PASS letmein").send("NICK ann").send("USER ann 0 * :ann");
      ann.awaitLine(l -> l.startsWith(":vchat 001 ann "));
      bob.send("NICK bob").send("USER bob 0 * :bob");
      bob.expect(":vchat 464 * :Password incorrect");
      bob.expect("ERROR :Closing link: password incorrect");
      bob.awaitClosed();
      cat.send("PASS letmeout").send("NICK cat").send("USER cat 0 * :cat");
      cat.expect(":vchat 464 * :Password incorrect");
      cat.expect("ERROR :Closing link: password incorrect");
      cat.awaitClosed();
      // in one write, so that the PASS is there before the link closes; too late all the same: registration began at USER
      dan.send("NICK dan\r\nUSER dan 0 * :dan\r\nPASS letmein");
      dan.expect(":vchat 464 * :Password incorrect");
      dan.awaitClosed();
    }
  }

  @Test
  void autoJoinCanBeTurnedOff(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject().put("ircAutoJoin", false));
    try (IrcTestUser bob = IrcTestUser.register(server.ircPort(), "bob")) {
      assertEquals(List.of(), bob.linesWithin(QUIET));
      bob.send("JOIN #lobby");
      bob.expect(":bob!chat@127.0.0.1 JOIN #lobby");
      bob.expect(":vchat 353 bob = #lobby :bob");
    }
  }

  @Test
  void badAndTakenNicksAreRefusedAndTheClientMayTryAgain(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser other = IrcTestUser.connect(server.ircPort())) {
      other.send("PRIVMSG #lobby :hi");
      other.expect(":vchat 451 * :You have not registered");
      other.send("NICK");
      other.expect(":vchat 431 * :No nickname given");
      other.send("NICK 9lives");
      other.expect(":vchat 432 * 9lives :Erroneous nickname");
      other.send("NICK a.b");
      other.expect(":vchat 432 * a.b :Erroneous nickname");
      other.send("USER x 0 *");
      other.expect(":vchat 461 * USER :Not enough parameters");
      other.send("NICK ANN").send("USER ann2 0 * :Other");
      other.expect(":vchat 433 * ANN :Nickname is already in use");
      // look-alikes are the same name: Cyrillic а
      other.send("NICK \u0430nn");
      other.expect(":vchat 433 * \u0430nn :Nickname is already in use");
      other.send("NICK ann2");
      other.expect(":vchat 001 ann2 :Welcome to vchat, ann2");
      other.awaitLine(":ann2!chat@127.0.0.1 JOIN #lobby");
      other.awaitLine(l -> l.startsWith(":vchat 366 "));
      other.send("USER again 0 * :x");
      other.expect(":vchat 462 ann2 :You may not reregister");
      ann.awaitLine(":ann2!chat@127.0.0.1 JOIN #lobby");
    }
  }

  @Test
  void pingIsAnsweredBeforeAndAfterRegistration(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.connect(server.ircPort())) {
      ann.send("PING :early");
      ann.expect(":vchat PONG vchat early");
      ann.send("NICK ann").send("USER ann 0 * :Ann");
      ann.awaitLine(l -> l.startsWith(":vchat 366 "));
      ann.send("PING abc");
      ann.expect(":vchat PONG vchat abc");
      ann.send("PONG :whatever");
      ann.send("FROB x");
      ann.expect(":vchat 421 ann FROB :Unknown command");
      ann.send("JOIN");
      ann.expect(":vchat 461 ann JOIN :Not enough parameters");
    }
  }

  @Test
  void aLineOverTheLimitGets417AndTheConnectionGoesOn(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject().put("maxLineBytes", 600));
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann")) {
      ann.send("PRIVMSG #lobby :" + "x".repeat(700));
      ann.expect(":vchat 417 ann :Input line was too long");
      ann.send("PING ok");
      ann.expect(":vchat PONG vchat ok");
      assertTrue(true);
    }
  }
}
