package dev.vchat.irc;

import dev.vchat.support.ChatServer;
import dev.vchat.support.IrcTestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** IRC over TLS on ircTlsPort, with the chat port's certificate: openssl s_client registers and chats. */
@ExtendWith(VertxExtension.class)
class IrcTlsTest {

  @Test
  void anIrcClientOverTlsChatsWithOneInClearText(Vertx vertx, @TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
      "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost").redirectErrorStream(true).start();
    openssl.getInputStream().readAllBytes();
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl req failed");
    int tlsPort = ChatServer.freePort();
    ChatServer server = ChatServer.startWithIrc(vertx, new JsonObject()
      .put("tlsCertPath", cert.toString()).put("tlsKeyPath", key.toString()).put("ircTlsPort", tlsPort));

    try (IrcTestUser bob = IrcTestUser.joinLobby(server.ircPort(), "bob")) {
      Process sClient = new ProcessBuilder("openssl", "s_client", "-quiet", "-connect", "127.0.0.1:" + tlsPort,
        "-CAfile", cert.toString(), "-verify_return_error").redirectErrorStream(true).start();
      try {
        sClient.getOutputStream().write("NICK ann\r\nUSER ann 0 * :Ann\r\nPRIVMSG #lobby :over tls\r\nQUIT\r\n"
          .getBytes(StandardCharsets.UTF_8));
        sClient.getOutputStream().flush();
        bob.awaitLine(":ann!chat@127.0.0.1 JOIN #lobby");
        bob.expect(":ann!chat@127.0.0.1 PRIVMSG #lobby :over tls");
        bob.expect(":ann!chat@127.0.0.1 QUIT :left the chat");
        assertTrue(sClient.waitFor(20, TimeUnit.SECONDS), "s_client did not end after QUIT");
        String output = new String(sClient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.contains(":vchat 001 ann :Welcome to vchat, ann\r\n") && output.contains("ERROR :Closing link: quit"), output);
      } finally {
        sClient.destroyForcibly();
      }
    }
  }
}
