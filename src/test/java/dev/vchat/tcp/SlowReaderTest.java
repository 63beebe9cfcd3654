package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A user that never reads is dropped; the others lose nothing and are not held up. */
@ExtendWith(VertxExtension.class)
class SlowReaderTest {

  @Test
  void aReaderThatStopsReadingIsDisconnectedAndOthersCarryOn(Vertx vertx) throws Exception {
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("writeQueueBytes", 65536)
      .put("slowReaderGraceMillis", 300));
    try (TestUser observer = TestUser.join(server.port(), "observer");
         TestUser talker = TestUser.join(server.port(), "talker");
         Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
      String slowAddr = "127.0.0.1:" + slow.getLocalPort();
      observer.awaitLine("[" + slowAddr + "]" + slowAddr + ":online");

      // far more than the kernel's socket buffers and the write queue can hold
      String payload = "x".repeat(200);
      int lines = 40_000;
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < lines; i++) {
        burst.append(i).append(payload).append('\n');
      }
      talker.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));

      String prefix = "[" + talker.addr() + "]talker:";
      observer.awaitLine(prefix + 0 + payload);
      boolean slowLeft = false;
      for (int i = 1; i < lines; i++) {
        String line = observer.nextLine();
        if (line.equals("[" + slowAddr + "]" + slowAddr + ":offline")) {
          slowLeft = true;
          line = observer.nextLine();
        }
        org.junit.jupiter.api.Assertions.assertEquals(prefix + i + payload, line);
      }
      if (!slowLeft) {
        observer.awaitLine("[" + slowAddr + "]" + slowAddr + ":offline");
      }
      talker.send("after");
      observer.awaitLine(prefix + "after");
    }
  }
}
