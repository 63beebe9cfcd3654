package dev.vchat.web;

import dev.vchat.core.Addresses;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge from an attacker's side: hand-written frames over a real websocket that try to
 * post as someone else, listen where they should not, reach internal addresses, or confuse the
 * server. Each is refused, and nobody sees anything they should not.
 */
@ExtendWith(VertxExtension.class)
class BridgeSecurityTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  @Test
  void theSenderIsStampedFromTheSocketNeverFromTheMessage(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob"); BridgeClient eve = BridgeClient.join(vertx, server.webPort())) {
      String eveAddr = bob.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      eve.say("rename eve").awaitLine("renamed to: eve");
      bob.expect("[" + eveAddr + "]" + eveAddr + ":is now eve");

      JsonObject forged = new JsonObject().put("text", "I am bob").put("name", "bob").put("from", "bob")
        .put("addr", bob.addr()).put("sid", UUID.randomUUID().toString());
      eve.write(new JsonObject().put("type", "send").put("address", WebAddresses.IN).put("body", forged)
        .put("headers", new JsonObject().put("name", "bob").put(WebAddresses.CLIENT_HEADER, "chat.client.x")).encode());
      bob.expect("[" + eveAddr + "]eve:I am bob");
      eve.awaitLine("[" + eveAddr + "]eve:I am bob");

      eve.say("to bob it is me, bob");
      bob.expect("eve to you: it is me, bob");
      eve.awaitLine("you to bob: it is me, bob");
    }
  }

  @Test
  void aSocketMayListenOnlyOnItsOwnAddress(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (BridgeClient ann = BridgeClient.join(vertx, server.webPort());
         BridgeClient eve = BridgeClient.join(vertx, server.webPort());
         TestUser bob = TestUser.join(server.port(), "bob")) {
      ann.say("rename ann").awaitLine("renamed to: ann");
      eve.say("rename eve").awaitLine("renamed to: eve");
      assertNotEquals(ann.outbound(), eve.outbound());

      for (String address : List.of(ann.outbound(), Addresses.BROADCAST, Addresses.user(UUID.randomUUID().toString()),
        Addresses.USER_PREFIX + "*", WebAddresses.IN, WebAddresses.JOIN, WebAddresses.client(UUID.randomUUID().toString()),
        eve.outbound() /* already listening: once is enough */)) {
        eve.register(address).expectRefusal();
      }

      bob.send("to ann the secret is xyzzy");
      bob.awaitLine("you to ann: the secret is xyzzy");
      ann.awaitLine("bob to you: the secret is xyzzy");
      bob.send("public now");
      eve.awaitEvent(e -> "chat".equals(e.getString("type")) && "public now".equals(e.getString("text")));
      ann.awaitEvent(e -> "public now".equals(e.getString("text")));

      assertNothingLeaked(eve, "xyzzy");
      for (JsonObject frame : eve.everything()) {
        // her own address, or the reply address of her own join request
        if ("rec".equals(frame.getString("type"))) {
          assertTrue(frame.getString("address").equals(eve.outbound()) || frame.getString("address").length() == 36,
            "eve got a frame on someone else's address: " + frame);
        }
      }
    }
  }

  @Test
  void internalAddressesAndPublishingAreRefused(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob");
         BridgeClient ann = BridgeClient.join(vertx, server.webPort());
         BridgeClient eve = BridgeClient.join(vertx, server.webPort())) {
      ann.awaitEvent(e -> "online".equals(e.getString("type")) && !e.getBoolean("self", false));
      bob.awaitLine(l -> l.endsWith(":online"));
      bob.awaitLine(l -> l.endsWith(":online"));

      JsonObject fake = new JsonObject().put("type", "chat").put("sid", UUID.randomUUID().toString())
        .put("addr", bob.addr()).put("name", "bob").put("text", "fake news");
      eve.send(Addresses.BROADCAST, fake).expectRefusal();
      eve.publish(Addresses.BROADCAST, fake).expectRefusal();
      eve.send(Addresses.user(UUID.randomUUID().toString()), fake).expectRefusal();
      eve.send(ann.outbound(), fake).expectRefusal();
      eve.publish(ann.outbound(), fake).expectRefusal();
      eve.publish(WebAddresses.IN, new JsonObject().put("text", "fake news")).expectRefusal();
      eve.send(Addresses.USERS_MAP, fake).expectRefusal();
      eve.send("chat.anything.else", fake).expectRefusal();

      assertTrue(bob.linesWithin(QUIET).isEmpty(), "bob saw something");
      assertNothingLeaked(ann, "fake news");
      assertTrue(ann.framesWithin(QUIET).isEmpty());
      eve.say("still works");
      bob.awaitLine(l -> l.endsWith(":still works"));
    }
  }

  @Test
  void malformedFramesAreRefusedAndTheSocketStaysUsable(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob"); BridgeClient eve = BridgeClient.join(vertx, server.webPort())) {
      String eveOnline = bob.awaitLine(l -> l.endsWith(":online"));
      String eveAddr = eveOnline.replaceAll("^\\[(.*)\\].*$", "$1");
      eve.write("{not json").expectRefusal();
      eve.write("[1, 2]").expectRefusal();
      eve.write("{}").expectRefusal();
      eve.write("{\"type\":\"send\"}").expectRefusal();
      eve.write("{\"type\":\"bogus\",\"address\":\"chat.in\"}").expectRefusal();
      eve.send(WebAddresses.IN, "just a string").expectRefusal();
      eve.send(WebAddresses.IN, new JsonObject().put("text", 42)).expectRefusal();
      eve.send(WebAddresses.IN, new JsonObject().put("text", new JsonArray().add("x"))).expectRefusal();
      eve.send(WebAddresses.IN, null).expectRefusal();
      eve.send(WebAddresses.IN, new JsonObject()).expectRefusal();
      assertTrue(bob.linesWithin(QUIET).isEmpty(), "bob saw something");

      eve.say("line one\nline two\r\n\u001b[2Jno escape");
      bob.expect("[" + eveAddr + "]" + eveAddr + ":line one");
      bob.expect("[" + eveAddr + "]" + eveAddr + ":line two");
      bob.expect("[" + eveAddr + "]" + eveAddr + ":[2Jno escape");
      eve.say("x".repeat(5000));
      eve.awaitLine("error: line too long (over 4096 bytes), not delivered");
      assertTrue(bob.linesWithin(QUIET).isEmpty(), "bob saw the long line");
    }
  }

  @Test
  void aSocketThatHasNotJoinedCannotSpeak(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob"); BridgeClient mute = BridgeClient.connect(vertx, server.webPort())) {
      mute.say("hello?").expectRefusal();
      JsonObject reply = mute.request(WebAddresses.JOIN, new JsonObject().put("address", "chat.client.mine"));
      assertTrue(reply.getString("address").startsWith(WebAddresses.CLIENT_PREFIX));
      assertNotEquals("chat.client.mine", reply.getString("address"));
      mute.say("still not listening").expectRefusal();
      assertTrue(bob.linesWithin(QUIET).isEmpty(), "bob saw something");
    }
  }

  @Test
  void closingTheSocketEndsTheSession(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      BridgeClient web = BridgeClient.join(vertx, server.webPort());
      web.say("rename webby").awaitLine("renamed to: webby");
      bob.awaitLine(l -> l.endsWith(":is now webby"));
      web.close();
      bob.awaitLine(l -> l.endsWith("]webby:offline"));
      bob.send("who");
      bob.expect("[" + bob.addr() + "]bob:online");
      assertTrue(bob.linesWithin(QUIET).isEmpty());
    }
  }

  /** Nothing the client got carries a session id or the secret. */
  private static void assertNothingLeaked(BridgeClient client, String secret) {
    for (JsonObject frame : client.everything()) {
      String text = frame.encode();
      assertFalse(text.contains("\"sid\""), "a session id leaked: " + text);
      assertFalse(text.contains(secret), "leaked to the wrong socket: " + text);
    }
  }
}
