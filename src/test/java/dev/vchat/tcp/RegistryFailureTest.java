package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.FailingUserStore;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static dev.vchat.support.FailingUserStore.Op.REMOVE_IF_PRESENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The user registry fails (as a Hazelcast map does while partitions move or a member stops):
 * every user still gets an answer, and no name is left taken by nobody. Real server, real
 * sockets; only the registry's map is wrapped ({@link FailingUserStore}).
 */
@ExtendWith(VertxExtension.class)
class RegistryFailureTest {

  private final FailingUserStore store = new FailingUserStore();
  private ChatServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = ChatServer.start(vertx, new JsonObject(), store);
  }

  @Test
  void aReleaseThatFailsIsTriedAgainAndTheLeaveIsAnnouncedOnce() {
    try (TestUser ann = TestUser.join(server.port(), "ann"); TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.initialName() + ":is now bob");
      store.failNext(REMOVE_IF_PRESENT, "ann", 2);
      ann.send("quit");
      ann.expect("bye");
      ann.expectClosed();
      bob.expect("[" + ann.addr() + "]ann:offline");
      bob.send("who");
      bob.expect("[" + bob.addr() + "]bob:online");
      assertEquals(List.of(), bob.linesWithin(Duration.ofMillis(500)), "one leave notice, and ann gone from who");
      assertEquals(0, store.unusedFailures());
      try (TestUser cat = TestUser.join(server.port(), "ann")) {
        bob.expect("[" + cat.addr() + "]" + cat.initialName() + ":online");
        bob.expect("[" + cat.addr() + "]" + cat.initialName() + ":is now ann");
      }
    }
  }
}
