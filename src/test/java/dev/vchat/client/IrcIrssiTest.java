package dev.vchat.client;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A real IRC client: irssi from Debian (scripts/install-test-deps.sh), driven in tmux, with an nc
 * user: it connects, lands in #lobby, chats, whispers both ways, joins another room, renames.
 */
@ExtendWith(VertxExtension.class)
class IrcIrssiTest {

  @Test
  void irssiChatsWithAnNcUser(Vertx vertx, @TempDir Path home) {
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject());
    String irssi = "irssi --home=" + home + " -c 127.0.0.1 -p " + server.ircPort() + " -n ann";
    try (TestUser ned = TestUser.join(server.port(), "ned"); Tmux tmux = Tmux.start(irssi + "; sleep 60")) {
      String online = ned.awaitLine(l -> l.endsWith("]ann:online"));
      String annAddr = online.substring(1, online.indexOf(']'));
      tmux.await("End of /MOTD command.");
      // a JOIN the client did not ask for opens the channel's window without switching to it
      tmux.type("/window goto #lobby");
      tmux.press("Enter");
      tmux.await("has joined #lobby");

      ned.send("hello irssi");
      tmux.await("ned> hello irssi");
      tmux.type("hi from irssi");
      tmux.press("Enter");
      ned.awaitLine("[" + annAddr + "]ann:hi from irssi");

      tmux.type("/msg ned psst, ned");
      tmux.press("Enter");
      ned.awaitLine("ann to you: psst, ned");
      ned.send("to ann psst, ann");
      ned.awaitLine("you to ann: psst, ann");
      tmux.type("/query ned");
      tmux.press("Enter");
      tmux.await("ned> psst, ann");

      tmux.type("/join #go");
      tmux.press("Enter");
      tmux.await("has joined #go");
      ned.send("join #go");
      ned.awaitLine("you are in #go");
      tmux.await("ned [chat@127.0.0.1] has joined #go");
      ned.send("in go now");
      tmux.await("ned> in go now");

      tmux.type("/nick anna");
      tmux.press("Enter");
      ned.awaitLine("[" + annAddr + "]ann:is now anna");
      tmux.await("You're now known as anna");

      tmux.type("/quit");
      tmux.press("Enter");
      ned.awaitLine("[" + annAddr + "]anna:offline");
    }
  }
}
