package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With config.json as shipped (20 lines a second, 60 at once), a user who pastes 500 lines
 * flat out stays connected and everyone else gets all 500, in order, at the configured rate.
 */
@ExtendWith(VertxExtension.class)
class ShippedConfigFloodTest {

  private static final Logger log = LoggerFactory.getLogger(ShippedConfigFloodTest.class);
  private static final int LINES = 500;

  @Test
  void aPasteOf500LinesReachesEveryoneWholeAndInOrder(Vertx vertx) {
    ChatServer server = ChatServer.startWithShippedConfig(vertx);
    try (TestUser ann = TestUser.join(server.port(), "ann");
         TestUser bob = TestUser.join(server.port(), "bob");
         TestUser paster = TestUser.join(server.port(), "paster")) {
      ann.awaitLine("[" + paster.addr() + "]" + paster.addr() + ":is now paster");
      bob.awaitLine("[" + paster.addr() + "]" + paster.addr() + ":is now paster");
      StringBuilder paste = new StringBuilder();
      for (int i = 1; i <= LINES; i++) {
        paste.append("line ").append(i).append(" of the paste\n");
      }
      long start = System.nanoTime();
      paster.sendRaw(paste.toString().getBytes(StandardCharsets.UTF_8));
      String prefix = "[" + paster.addr() + "]paster:line ";
      for (int i = 1; i <= LINES; i++) {
        ann.expect(prefix + i + " of the paste");
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      for (int i = 1; i <= LINES; i++) {
        bob.expect(prefix + i + " of the paste");
        paster.expect(prefix + i + " of the paste");
      }
      log.info("a paste of {} lines reached the others in {} ms", LINES, took.toMillis());
      // 60 at once, then 440 at 20 a second
      assertTrue(took.toMillis() >= 21_000, "paced at the configured rate: " + took.toMillis() + " ms");
      paster.send("still here"); // connected, not kicked
      paster.expect("[" + paster.addr() + "]paster:still here");
      bob.expect("[" + paster.addr() + "]paster:still here");
    }
  }
}
