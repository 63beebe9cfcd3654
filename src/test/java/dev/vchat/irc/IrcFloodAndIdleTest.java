package dev.vchat.irc;

import dev.vchat.support.ChatServer;
import dev.vchat.support.IrcTestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core's flood control (delay, not drop) and idle kick, as IRC clients meet them. */
@ExtendWith(VertxExtension.class)
class IrcFloodAndIdleTest {

  @Test
  void linesOverTheRateAreDelayedNotDropped(Vertx vertx) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject().put("floodMessagesPerSecond", 10).put("floodBurst", 5));
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      ann.awaitLine(":bob!chat@127.0.0.1 JOIN #lobby");
      StringBuilder paste = new StringBuilder();
      for (int i = 1; i <= 20; i++) {
        paste.append("PRIVMSG #lobby :line ").append(i).append("\r\n");
      }
      long start = System.nanoTime();
      ann.send(paste.substring(0, paste.length() - 2));
      for (int i = 1; i <= 20; i++) {
        bob.expect(":ann!chat@127.0.0.1 PRIVMSG #lobby :line " + i);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 1_000, "15 lines over a burst of 5 at 10 a second take over a second, not " + millis + " ms");
    }
  }

  @Test
  void pingKeepsAClientAliveAndSilenceGetsItClosed(Vertx vertx) throws InterruptedException {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject().put("idleTimeoutSeconds", 1));
    try (IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann")) {
      for (int i = 0; i < 6; i++) {
        Thread.sleep(400); // a client's lag check, every 0.4 s here
        ann.send("PING lag" + i);
        ann.expect(":vchat PONG vchat lag" + i);
      }
      ann.expect("ERROR :Closing link: idle for 1 s");
      ann.awaitClosed();
    }
  }
}
