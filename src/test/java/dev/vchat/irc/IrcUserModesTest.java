package dev.vchat.irc;

import dev.vchat.support.ChatServer;
import dev.vchat.support.IrcTestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OPER with operators from the config, and the user modes i and o, over real sockets. */
@ExtendWith(VertxExtension.class)
class IrcUserModesTest {

  /** Few iterations: a test; the hash is the config's form all the same. */
  private static JsonObject withOperator() {
    return new JsonObject().put("ircOperators", new JsonObject().put("root", OperPassword.hash("s3cret", 1000)));
  }

  @Test
  void aHashIsMatchedByItsPasswordOnly() {
    String stored = OperPassword.hash("s3cret", 1000);
    assertTrue(stored.startsWith("pbkdf2-sha256:1000:"), stored);
    assertTrue(OperPassword.matches("s3cret", stored));
    assertFalse(OperPassword.matches("s3cret ", stored));
    assertFalse(OperPassword.matches("s3cret", OperPassword.hash("other", 1000)));
  }

  @Test
  void operWithTheRightPasswordMakesAnIrcOperatorEveryoneSees(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, withOperator());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      ann.send("OPER root wrong");
      ann.expect(":vchat 464 ann :Password incorrect");
      ann.send("OPER nobody s3cret");
      ann.expect(":vchat 464 ann :Password incorrect");
      ann.send("OPER root");
      ann.expect(":vchat 461 ann OPER :Not enough parameters");
      ann.send("OPER root s3cret");
      ann.expect(":vchat 381 ann :You are now an IRC operator");
      ann.expect(":ann!chat@127.0.0.1 MODE ann +o");
      ann.send("MODE ann");
      ann.expect(":vchat 221 ann +o");

      bob.send("WHO ann");
      bob.expect(":vchat 352 bob #lobby ~ann 127.0.0.1 vchat ann H* :0 ann the tester");
      bob.expect(":vchat 315 bob ann :End of /WHO list");
      bob.send("WHOIS ann");
      bob.expect(":vchat 311 bob ann ~ann 127.0.0.1 * :ann the tester");
      bob.expect(":vchat 319 bob ann :#lobby");
      bob.expect(":vchat 312 bob ann vchat :vchat");
      bob.expect(":vchat 313 bob ann :is an IRC operator");
      bob.expect(":vchat 318 bob ann :End of /WHOIS list");
      bob.send("LUSERS");
      bob.expect(":vchat 251 bob :There are 2 users and 0 invisible on 1 servers");
      bob.expect(":vchat 252 bob 1 :operator(s) online");

      // an IRC operator acts as an operator in rooms it does not own (but #lobby has none)
      bob.send("JOIN #go");
      bob.awaitLine(":vchat 366 bob #go :End of /NAMES list");
      ann.send("KICK #go bob :by the operator");
      bob.awaitLine(":ann!chat@127.0.0.1 KICK #go bob :by the operator");
      ann.send("KICK #lobby bob");
      ann.expect(":vchat 482 ann #lobby :#lobby has no operators");

      ann.send("MODE ann -o");
      ann.expect(":ann!chat@127.0.0.1 MODE ann -o");
      ann.send("MODE ann +o");
      ann.send("MODE ann");
      ann.expect(":vchat 221 ann +");
      bob.send("LUSERS");
      bob.expect(":vchat 251 bob :There are 2 users and 0 invisible on 1 servers");
      bob.expect(":vchat 252 bob 0 :operator(s) online");
    }
  }

  @Test
  void operIsRefusedWhereNoOperatorIsConfigured(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann")) {
      ann.send("OPER root s3cret");
      ann.expect(":vchat 491 ann :No operators on this server");
    }
  }

  @Test
  void anInvisibleUserIsLeftOutOfMasksAndOthersChannelsUnlessTheyShareOne(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject().put("ircAutoJoin", false));
    try (IrcTestUser evan = IrcTestUser.register(server.ircPort(), "evan");
         IrcTestUser sam = IrcTestUser.register(server.ircPort(), "sam")) {
      evan.send("JOIN #hide");
      evan.awaitLine(":vchat 366 evan #hide :End of /NAMES list");
      evan.send("MODE evan +i");
      evan.expect(":evan!chat@127.0.0.1 MODE evan +i");
      evan.send("MODE evan");
      evan.expect(":vchat 221 evan +i");

      sam.send("WHO ev*");
      sam.expect(":vchat 315 sam ev* :End of /WHO list");
      sam.send("WHO evan");
      sam.expect(":vchat 352 sam #hide ~evan 127.0.0.1 vchat evan H@ :0 evan the tester");
      sam.expect(":vchat 315 sam evan :End of /WHO list");
      sam.send("NAMES #hide");
      sam.expect(":vchat 366 sam #hide :End of /NAMES list");
      sam.send("WHOIS evan");
      sam.expect(":vchat 311 sam evan ~evan 127.0.0.1 * :evan the tester");
      sam.expect(":vchat 312 sam evan vchat :vchat");
      sam.expect(":vchat 318 sam evan :End of /WHOIS list");
      sam.send("LUSERS");
      sam.expect(":vchat 251 sam :There are 1 users and 1 invisible on 1 servers");
      sam.awaitLine(l -> l.startsWith(":vchat 266 sam "));

      sam.send("JOIN #hide");
      sam.expect(":sam!chat@127.0.0.1 JOIN #hide");
      sam.expect(":vchat 353 sam = #hide :@evan sam");
      sam.awaitLine(":vchat 366 sam #hide :End of /NAMES list");
      sam.send("WHO ev*");
      sam.expect(":vchat 352 sam #hide ~evan 127.0.0.1 vchat evan H@ :0 evan the tester");
      sam.expect(":vchat 315 sam ev* :End of /WHO list");

      evan.send("MODE evan -i");
      evan.awaitLine(":evan!chat@127.0.0.1 MODE evan -i");
      sam.send("LUSERS");
      sam.expect(":vchat 251 sam :There are 2 users and 0 invisible on 1 servers");
      sam.awaitLine(l -> l.startsWith(":vchat 266 sam "));
    }
  }
}
