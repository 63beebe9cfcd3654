package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.IrcTestUser;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An nc user, a browser (through the SockJS bridge, as the page speaks it) and an IRC user in one room. */
@ExtendWith(VertxExtension.class)
class IrcBrowserTest {

  @Test
  void aBrowserAnNcUserAndAnIrcUserChatInOneRoom(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("ircPort", ChatServer.freePort()));
    try (TestUser ned = TestUser.join(server.port(), "ned");
         IrcTestUser ann = IrcTestUser.joinLobby(server.ircPort(), "ann");
         BridgeClient page = BridgeClient.join(vertx, server.webPort())) {
      String pageAddr = ned.awaitLine(l -> l.endsWith(":online") && !l.contains("]ann:"))
        .replaceAll("^\\[(.*)\\].*$", "$1");
      String pageNick = "`" + pageAddr.replace('.', '|').replace(':', '^');
      ann.awaitLine(":" + pageNick + "!chat@127.0.0.1 JOIN #lobby");
      page.say("rename web");
      page.awaitLine("renamed to: web");
      ann.expect(":" + pageNick + "!chat@127.0.0.1 NICK web");

      ann.send("PRIVMSG #lobby :hello all");
      JsonObject chat = page.awaitEvent(e -> "chat".equals(e.getString("type")));
      assertEquals("ann", chat.getString("name"));
      assertEquals("hello all", chat.getString("text"));
      assertEquals("[" + ann.addr() + "]ann:hello all", chat.getString("line"));
      ned.awaitLine("[" + ann.addr() + "]ann:hello all");

      page.say("from the page");
      ann.expect(":web!chat@127.0.0.1 PRIVMSG #lobby :from the page");
      page.say("to ann psst");
      ann.expect(":web!chat@127.0.0.1 PRIVMSG ann :psst");
      ann.send("PRIVMSG web :psst back");
      page.awaitLine("ann to you: psst back");
    }
  }
}
