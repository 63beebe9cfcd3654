package dev.vchat.core;

import dev.vchat.config.ChatConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands through real sessions on a real Vert.x (event bus and shared data), with no
 * network: each user's transport is a peer that records the lines it is given.
 */
@ExtendWith(VertxExtension.class)
class SessionCommandsTest {

  private Context context;
  private ChatInstance chat;
  private final BlockingQueue<String> broadcasts = new LinkedBlockingQueue<>();

  /** A transport that keeps what its user is shown, as text. */
  private final class RecordingPeer implements Peer {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** What the session asked of the transport's reading: true to stop, false to resume. */
    final BlockingQueue<Boolean> throttles = new LinkedBlockingQueue<>();
    volatile boolean closed;
    Context home = context;
    ChatSession session;

    @Override
    public void deliver(JsonObject event) {
      lines.add(chat.catalogue().render(event));
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public void throttle(boolean paused) {
      throttles.add(paused);
    }

    String next() throws InterruptedException {
      String line = lines.poll(5, TimeUnit.SECONDS);
      assertTrue(line != null, "no line within 5 s");
      return line;
    }

    void type(String line) {
      home.runOnContext(v -> session.receive(line));
    }
  }

  @BeforeEach
  void openRoom(Vertx vertx) {
    context = vertx.getOrCreateContext();
    ChatConfig config = ChatConfig.fromJson(new JsonObject().put("idleTimeoutSeconds", 0).put("floodMessagesPerSecond", 0));
    chat = ChatInstance.open(vertx, config).await();
    vertx.eventBus().<Broadcast>consumer(Addresses.BROADCAST, m -> m.body().events().forEach(e -> broadcasts.add(chat.catalogue().render(e))))
      .completion().await();
  }

  private RecordingPeer join(String addr) throws InterruptedException {
    return join(addr, context);
  }

  /** A user whose session runs on {@code home}'s event loop. */
  private RecordingPeer join(String addr, Context home) throws InterruptedException {
    RecordingPeer peer = new RecordingPeer();
    peer.home = home;
    home.runOnContext(v -> {
      peer.session = chat.newSession(peer, addr);
      peer.session.join();
    });
    assertEquals("[" + addr + "]" + addr + ":online", peer.next());
    assertEquals("[" + addr + "]" + addr + ":online", broadcasts.poll(5, TimeUnit.SECONDS));
    return peer;
  }

  @Test
  void chatIsShownToTheSenderAndPublished() throws Exception {
    RecordingPeer ann = join("10.0.0.1:1");
    ann.type("hello");
    assertEquals("[10.0.0.1:1]10.0.0.1:1:hello", ann.next());
    assertEquals("[10.0.0.1:1]10.0.0.1:1:hello", broadcasts.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void renameWhoAndPrivateMessages() throws Exception {
    RecordingPeer ann = join("10.0.0.1:1");
    RecordingPeer bob = join("10.0.0.2:2");
    ann.type("rename ann");
    assertEquals("renamed to: ann", ann.next());
    assertEquals("[10.0.0.1:1]10.0.0.1:1:is now ann", broadcasts.poll(5, TimeUnit.SECONDS));
    bob.type("rename|ANN");
    assertEquals("error: name ANN is already in use", bob.next());
    bob.type("who");
    assertEquals("[10.0.0.2:2]10.0.0.2:2:online", bob.next());
    assertEquals("[10.0.0.1:1]ann:online", bob.next());
    bob.type("to Ann psst");
    assertEquals("you to ann: psst", bob.next());
    assertEquals("10.0.0.2:2 to you: psst", ann.next());
    bob.type("to|nobody|x");
    assertEquals("error: nobody is not online", bob.next());
  }

  @Test
  void quitSaysByeHangsUpAndPublishesTheLeave() throws Exception {
    RecordingPeer ann = join("10.0.0.1:1");
    ann.type("quit");
    assertEquals("bye", ann.next());
    assertEquals("[10.0.0.1:1]10.0.0.1:1:offline", broadcasts.poll(5, TimeUnit.SECONDS));
    assertTrue(ann.closed);
    ann.type("anything after quit");
    assertNull(broadcasts.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void linesQueuedBeforeADisconnectAreStillDelivered() throws Exception {
    RecordingPeer ann = join("10.0.0.1:1");
    context.runOnContext(v -> {
      ann.session.receive("last words");
      ann.session.disconnected();
    });
    assertEquals("[10.0.0.1:1]10.0.0.1:1:last words", broadcasts.poll(5, TimeUnit.SECONDS));
    assertEquals("[10.0.0.1:1]10.0.0.1:1:offline", broadcasts.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void aSenderFasterThanItsRecipientsEventLoopIsNotReadUntilItCatchesUp(Vertx vertx) throws Exception {
    ContextInternal elsewhere;
    do { // another event loop than ann's
      elsewhere = ((VertxInternal) vertx).createEventLoopContext();
    } while (elsewhere.nettyEventLoop() == ((ContextInternal) context).nettyEventLoop());
    RecordingPeer ann = join("10.0.0.1:1");
    RecordingPeer bob = join("10.0.0.2:2", elsewhere);
    CountDownLatch stalled = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    elsewhere.runOnContext(v -> { // bob's event loop busy with something else for a while
      stalled.countDown();
      try {
        resume.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    stalled.await(5, TimeUnit.SECONDS);
    int lines = ChatSession.MAX_HANDED_OVER + 100;
    for (int i = 0; i < lines; i++) {
      ann.type("to 10.0.0.2:2 line " + i);
    }
    assertEquals(Boolean.TRUE, ann.throttles.poll(5, TimeUnit.SECONDS), "ann's input is held back");
    resume.countDown();
    for (int i = 0; i < lines; i++) {
      assertEquals("10.0.0.1:1 to you: line " + i, bob.next());
    }
    assertEquals(Boolean.FALSE, ann.throttles.poll(5, TimeUnit.SECONDS), "and read again once bob has caught up");
  }
}
