package dev.vchat.core;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.command.CommandTable;
import dev.vchat.metrics.ChatMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The chat as one verticle instance sees it: its settings, the shared registry, the broadcast
 * address and the command table. Transports open a {@link ChatSession} here for each user.
 */
public final class ChatInstance {

  private final Vertx vertx;
  private final ChatConfig config;
  private final UserRegistry registry;
  private final Catalogue catalogue;
  private final CommandTable commands = CommandTable.standard();
  private final String node;
  private final LocalUsers localUsers;
  private final Recipients recipients;
  /** Broadcast events of this turn of the owner's event loop, not yet published. */
  private final List<JsonObject> pending = new ArrayList<>();
  private Context owner;

  private ChatInstance(Vertx vertx, ChatConfig config, UserRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    this.catalogue = new Catalogue(config.language());
    this.node = ChatMetrics.of(vertx).node(); // the Vert.x node id (cluster manager), or "local"
    this.localUsers = LocalUsers.of(vertx);
    this.recipients = Recipients.of(vertx);
  }

  public static Future<ChatInstance> open(Vertx vertx, ChatConfig config) {
    return open(vertx, config, UserStore.SHARED_DATA);
  }

  /**
   * This instance's view of the chat, its registry keeping its entries in {@code store}. Its
   * {@link RecipientsWatch} is registered on the broadcast address when this completes, so a
   * fan-out the caller registers next sees every broadcast after the watch.
   */
  public static Future<ChatInstance> open(Vertx vertx, ChatConfig config, UserStore store) {
    Future<Void> watching = vertx.eventBus()
      .consumer(Addresses.BROADCAST, new RecipientsWatch(Recipients.of(vertx))).completion();
    return watching.compose(v -> openPublisher(vertx, config, store));
  }

  /** For a verticle with no users of its own that only publishes (the departed-node sweeper): no watch. */
  public static Future<ChatInstance> openPublisher(Vertx vertx, ChatConfig config, UserStore store) {
    Broadcast.registerCodec(vertx);
    return UserRegistry.open(vertx, store).map(registry -> new ChatInstance(vertx, config, registry));
  }

  /** A new user, not yet joined: the caller wires up its transport, then calls {@link ChatSession#join()}. */
  public ChatSession newSession(Peer peer, String addr) {
    return new ChatSession(this, peer, addr, commands);
  }

  /** A new user whose lines mean what {@code parser} says (another protocol, such as IRC). */
  public ChatSession newSession(Peer peer, String addr, dev.vchat.core.command.LineParser parser) {
    return new ChatSession(this, peer, addr, parser);
  }

  /**
   * Publishes a broadcast event. On an event loop, the chat events of one turn are gathered and
   * published together as one {@link Broadcast} at the end of the turn, so that the fan-out
   * writes them to each connection at once; the event must not be changed afterwards.
   */
  public void publish(JsonObject event) {
    Context current = Vertx.currentContext();
    if (current == null || !current.isEventLoopContext() || (owner != null && owner != current)) {
      send(List.of(event));
      return;
    }
    owner = current;
    if (!Events.CHAT.equals(Events.type(event))) {
      // joins, leaves and renames go out at once (after what is pending): who is online must
      // not lag behind the replies their users already got
      pending.add(event);
      flushBroadcasts();
      return;
    }
    if (pending.isEmpty()) {
      current.runOnContext(v -> flushBroadcasts());
    }
    pending.add(event);
  }

  /**
   * Publishes the gathered broadcast events now. Whatever this instance's users send to one user
   * directly (a private message) must call this first, so that it cannot overtake their
   * broadcasts.
   */
  public void flushBroadcasts() {
    if (pending.isEmpty() || Vertx.currentContext() != owner) {
      return;
    }
    List<JsonObject> events = List.copyOf(pending);
    pending.clear();
    send(events);
  }

  private void send(List<JsonObject> events) {
    DeliveryOptions presence = RecipientsWatch.deliveryOf(events);
    if (presence == null) {
      vertx.eventBus().publish(Addresses.BROADCAST, new Broadcast(events));
    } else {
      vertx.eventBus().publish(Addresses.BROADCAST, new Broadcast(events), presence);
    }
  }

  /** The last {@code lines} chat lines of a room (by {@link Rooms#key}), oldest first, from this node's history keeper. */
  public Future<List<JsonObject>> history(String roomKey, int lines) {
    return vertx.eventBus().<JsonObject>request(Addresses.HISTORY_READ, new JsonObject().put("room", roomKey).put("lines", lines))
      .map(reply -> reply.body().getJsonArray("lines").stream().map(JsonObject.class::cast).toList());
  }

  public Vertx vertx() {
    return vertx;
  }

  public ChatConfig config() {
    return config;
  }

  public UserRegistry registry() {
    return registry;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public CommandTable commands() {
    return commands;
  }

  /** The users whose sessions live on this node: private messages to them skip the registry and the bus. */
  public LocalUsers localUsers() {
    return localUsers;
  }

  /** The users on other nodes that this node's users wrote to (who they are, whether their address is resolved). */
  public Recipients recipients() {
    return recipients;
  }

  public String node() {
    return node;
  }
}
