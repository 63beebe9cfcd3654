package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With "language": "zh" the tutorial's own phrases are used; the line shapes stay. */
@ExtendWith(VertxExtension.class)
class ChineseProtocolTest {

  private static ChatServer zh(Vertx vertx, JsonObject more) {
    return ChatServer.start(vertx, new JsonObject().put("language", "zh").mergeIn(more));
  }

  /** A user of a zh server, renamed; notices about others that arrive in between are skipped. */
  static TestUser join(ChatServer server, String name) {
    TestUser user = TestUser.connect(server.port());
    user.awaitLine("[" + user.addr() + "]" + user.addr() + ":已上线");
    user.send("rename " + name);
    user.awaitLine("修改用户名为: " + name);
    return user;
  }

  @Test
  void everyRowInChinese(Vertx vertx) {
    ChatServer server = zh(vertx, new JsonObject());
    try (TestUser bob = join(server, "bob"); TestUser ann = join(server, "ann")) {
      bob.expect("[" + ann.addr() + "]" + ann.addr() + ":已上线");
      bob.expect("[" + ann.addr() + "]" + ann.addr() + ":改名为 ann");

      ann.send("你好");
      ann.expect("[" + ann.addr() + "]ann:你好");
      bob.expect("[" + ann.addr() + "]ann:你好");

      ann.send("who");
      ann.expect("[" + ann.addr() + "]ann:在线");
      ann.expect("[" + bob.addr() + "]bob:在线");

      ann.send("rename BOB");
      ann.expect("error: 该用户名已被使用");
      ann.send("rename b\u043eb"); // Cyrillic о: looks like bob
      ann.expect("error: 该用户名已被使用");

      ann.send("to bob 悄悄话");
      ann.expect("你对bob说: 悄悄话");
      bob.expect("ann对你说: 悄悄话");

      ann.send("to nobody 在吗");
      ann.expect("error: 该用户不在线");
      ann.send("to bob");
      ann.expect("error: 消息格式不正确，请使用 [to username content] 格式");

      ann.send("quit");
      ann.expect("再见");
      ann.expectClosed();
      bob.expect("[" + ann.addr() + "]ann:下线");
    }
  }

  @Test
  void idleKickInChinese(Vertx vertx) {
    ChatServer server = zh(vertx, new JsonObject().put("idleTimeoutSeconds", 1));
    try (TestUser ann = TestUser.connect(server.port())) {
      ann.expect("[" + ann.addr() + "]" + ann.addr() + ":已上线");
      ann.expect("kicked: 长时间未使用，连接中断");
      ann.expectClosed();
    }
  }
}
