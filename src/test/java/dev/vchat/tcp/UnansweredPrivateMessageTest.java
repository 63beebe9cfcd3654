package dev.vchat.tcp;

import dev.vchat.core.Addresses;
import dev.vchat.core.UserEntry;
import dev.vchat.core.UserRegistry;
import dev.vchat.core.UserStore;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user who is listed but whose session does not answer (its node paused or cut off, not yet
 * declared dead): the sender is told the message was not delivered, not that the user is offline.
 * The silent user is a registry entry and a consumer on its private address that never replies.
 */
@ExtendWith(VertxExtension.class)
class UnansweredPrivateMessageTest {

  @Test
  void aListedUserWhoDoesNotAnswerIsNotCalledOffline(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx);
    UserRegistry registry = UserRegistry.open(vertx, UserStore.SHARED_DATA).await();
    registry.claim(new UserEntry("silent-sid", "frozen", "10.0.0.9:4000", "a-paused-node")).await();
    vertx.eventBus().consumer(Addresses.user("silent-sid"), message -> { });
    try (TestUser ann = TestUser.join(server.port(), "ann")) {
      ann.send("who");
      assertEquals("[10.0.0.9:4000]frozen:online", ann.awaitLine(line -> line.contains("frozen")));
      ann.send("to frozen are you there?");
      assertEquals("error: message to frozen not delivered, try again", ann.nextLineWithin(Duration.ofSeconds(20)));
      ann.send("to nobody hi");
      ann.expect("error: nobody is not online");
    }
  }
}
