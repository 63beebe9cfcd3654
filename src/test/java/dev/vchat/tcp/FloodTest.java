package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Flood control: a burst passes, the excess is refused in order, a persistent flooder is kicked. */
@ExtendWith(VertxExtension.class)
class FloodTest {

  private static final Duration QUIET = Duration.ofMillis(200);

  /** One line a second, five at once; ten refusals within a minute mean a kick. */
  private static JsonObject tight() {
    return new JsonObject()
      .put("floodMessagesPerSecond", 1)
      .put("floodBurst", 5)
      .put("floodKickRefusals", 10)
      .put("floodKickWindowSeconds", 60);
  }

  private static byte[] lines(String prefix, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(prefix).append(i).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theExcessOfABurstIsRefusedInOrderAndNotDelivered(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, tight());
    try (TestUser observer = TestUser.join(server.port());
         TestUser fast = TestUser.join(server.port())) {
      observer.expect("[" + fast.addr() + "]" + fast.addr() + ":online");
      fast.linesWithin(QUIET); // the observer's own online notice may still reach the newcomer
      fast.sendRaw(lines("m", 8));
      String prefix = "[" + fast.addr() + "]" + fast.addr() + ":m";
      for (int i = 0; i < 5; i++) {
        fast.expect(prefix + i);
      }
      for (int i = 5; i < 8; i++) {
        fast.expect("error: too many lines, slow down; not delivered");
      }
      for (int i = 0; i < 5; i++) {
        observer.expect(prefix + i);
      }
      assertEquals(List.of(), observer.linesWithin(Duration.ofMillis(500)), "the refused lines reach nobody");

      // a token comes back each second: the user is slowed down, not cut off
      assertEquals(List.of(), fast.linesWithin(Duration.ofMillis(1100)));
      fast.send("later");
      fast.expect("[" + fast.addr() + "]" + fast.addr() + ":later");
      observer.expect("[" + fast.addr() + "]" + fast.addr() + ":later");
    }
  }

  @Test
  void aUserWhoKeepsFloodingIsKickedAndOthersSeeAnOrdinaryLeave(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, tight());
    try (TestUser observer = TestUser.join(server.port());
         TestUser flooder = TestUser.join(server.port())) {
      observer.expect("[" + flooder.addr() + "]" + flooder.addr() + ":online");
      flooder.linesWithin(QUIET); // the observer's own online notice may still reach the newcomer
      flooder.sendRaw(lines("f", 40));
      String prefix = "[" + flooder.addr() + "]" + flooder.addr() + ":f";
      for (int i = 0; i < 5; i++) {
        flooder.expect(prefix + i);
      }
      for (int i = 0; i < 9; i++) {
        flooder.expect("error: too many lines, slow down; not delivered");
      }
      flooder.expect("kicked: flooding");
      flooder.expectClosed();

      for (int i = 0; i < 5; i++) {
        observer.expect(prefix + i);
      }
      observer.expect("[" + flooder.addr() + "]" + flooder.addr() + ":offline");
      observer.send("still here");
      observer.expect("[" + observer.addr() + "]" + observer.addr() + ":still here");
    }
  }

  @Test
  void theKickIsInChineseToo(Vertx vertx) {
    ChatServer server = ChatServer.start(vertx, tight().put("language", "zh").put("floodKickRefusals", 1));
    try (TestUser flooder = TestUser.connect(server.port())) {
      flooder.expect("[" + flooder.addr() + "]" + flooder.addr() + ":已上线");
      flooder.sendRaw(lines("f", 6));
      for (int i = 0; i < 5; i++) {
        flooder.nextLine();
      }
      flooder.expect("kicked: 发送消息过于频繁，连接中断");
      flooder.expectClosed();
    }
  }
}
