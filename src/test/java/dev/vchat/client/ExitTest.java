package dev.vchat.client;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the client ends: unreachable server, kicked for idling, connection lost, bad arguments. */
@ExtendWith(VertxExtension.class)
class ExitTest {

  @Test
  void anUnreachableServerExitsWith2NamingHostPortAndReason() {
    int port = ChatServer.freePort();
    try (ClientRun client = ClientRun.start("--port", String.valueOf(port))) {
      assertEquals(ExitCodes.UNREACHABLE, client.awaitExit());
      String said = client.err.text().strip();
      assertEquals("vchat: cannot connect to 127.0.0.1:" + port + ": connection refused", said);
    }
  }

  @Test
  void kickedForIdlingPrintsTheServerLineANoteAndExits0(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, new JsonObject().put("idleTimeoutSeconds", 1));
    // the user sits at the menu without typing: the client must end without any more input
    try (ClientRun client = ClientRun.start("--port", String.valueOf(server.port()))) {
      assertEquals(ExitCodes.OK, client.awaitExit());
      assertTrue(client.out.text().contains("kicked: idle for 1 s"), client.out.text());
      assertTrue(client.err.text().contains("idle"), client.err.text());
    }
  }

  @Test
  void aLostConnectionSaysSoAndExits1() throws Exception {
    Vertx own = Vertx.vertx();
    ChatServer server = ChatServer.start(own);
    try (ClientRun client = ClientRun.start("--no-menu", "--port", String.valueOf(server.port()))) {
      client.out.await(":online");
      own.close().await();
      assertEquals(ExitCodes.CONNECTION_LOST, client.awaitExit());
      assertEquals("vchat: connection to 127.0.0.1:" + server.port() + " lost: closed by the server",
        client.err.text().strip());
    } finally {
      own.close();
    }
  }

  @Test
  void badArgumentsExitWith64() {
    try (ClientRun client = ClientRun.start("--port", "not-a-number")) {
      assertEquals(ExitCodes.USAGE, client.awaitExit());
      assertTrue(client.err.text().contains("--port"), client.err.text());
    }
  }
}
