package dev.vchat.tcp;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS on the chat port: a real TLS client (a Vert.x NetClient that trusts only the test
 * certificate) chats as usual; a plain-text client on the TLS port never joins and nobody
 * notices it. The certificate is made by openssl at test time; no key is committed.
 */
@ExtendWith(VertxExtension.class)
class TlsTest {

  /** Held in a field: Vert.x closes clients nobody references. */
  private NetClient client;

  /** Makes a self-signed certificate for 127.0.0.1 and localhost; returns {cert, key}. */
  static Path[] selfSigned(Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
      "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
      .redirectErrorStream(true).start();
    String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl failed: " + output);
    return new Path[] {cert, key};
  }

  @Test
  void aTlsClientChatsAndAPlainClientOnTheTlsPortNeverJoins(Vertx vertx, @TempDir Path dir) throws Exception {
    Path[] files = selfSigned(dir);
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("tlsCertPath", files[0].toString()).put("tlsKeyPath", files[1].toString()));

    client = vertx.createNetClient(new NetClientOptions()
      .setSsl(true)
      .setHostnameVerificationAlgorithm("HTTPS")
      .setTrustOptions(new PemTrustOptions().addCertPath(files[0].toString())));
    BlockingQueue<String> ann = new LinkedBlockingQueue<>();
    // the handler is set on the socket's own context as it connects, before any line can arrive
    NetSocket annSocket = client.connect(server.port(), "127.0.0.1")
      .onSuccess(socket -> socket.handler(RecordParser.newDelimited("\n", line -> ann.add(line.toString(StandardCharsets.UTF_8)))))
      .await();
    String annAddr = "127.0.0.1:" + annSocket.localAddress().port();
    assertEquals("[" + annAddr + "]" + annAddr + ":online", ann.poll(10, TimeUnit.SECONDS));

    // plain text on the TLS port: the handshake fails, the "user" never joins
    try (TestUser plain = TestUser.connect(server.port())) {
      plain.sendRaw("hello in clear text\n".getBytes(StandardCharsets.UTF_8));
      plain.awaitClosed();
    }

    annSocket.write("rename ann\n").await();
    assertEquals("renamed to: ann", ann.poll(10, TimeUnit.SECONDS));
    annSocket.write("hello over tls\n").await();
    assertEquals("[" + annAddr + "]ann:hello over tls", ann.poll(10, TimeUnit.SECONDS));
    annSocket.write("who\n").await();
    assertEquals("[" + annAddr + "]ann:online", ann.poll(10, TimeUnit.SECONDS));
    annSocket.write("quit\n").await();
    String bye = ann.poll(10, TimeUnit.SECONDS);
    assertNotNull(bye);
    assertEquals("bye", bye);
  }

  @Test
  void openSslSClientIsAClientToo(Vertx vertx, @TempDir Path dir) throws Exception {
    Path[] files = selfSigned(dir);
    ChatServer server = ChatServer.start(vertx, new JsonObject()
      .put("tlsCertPath", files[0].toString()).put("tlsKeyPath", files[1].toString()));
    Process sClient = new ProcessBuilder("openssl", "s_client", "-quiet", "-connect", "127.0.0.1:" + server.port(),
      "-CAfile", files[0].toString(), "-verify_return_error")
      .redirectErrorStream(true).start();
    try {
      sClient.getOutputStream().write("hello from s_client\nquit\n".getBytes(StandardCharsets.UTF_8));
      sClient.getOutputStream().flush();
      assertTrue(sClient.waitFor(20, TimeUnit.SECONDS), "s_client did not end after quit");
      String output = new String(sClient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(output.contains(":online\n") && output.contains(":hello from s_client\n") && output.contains("bye\n"), output);
    } finally {
      sClient.destroyForcibly();
    }
  }
}
