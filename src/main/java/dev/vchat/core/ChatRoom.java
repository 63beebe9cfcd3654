package dev.vchat.core;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.command.CommandTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;

/**
 * The chat as one verticle instance sees it: its settings, the shared registry, the broadcast
 * address and the command table. Transports open a {@link ChatSession} here for each user.
 */
public final class ChatRoom {

  private final Vertx vertx;
  private final ChatConfig config;
  private final UserRegistry registry;
  private final Catalogue catalogue;
  private final CommandTable commands = CommandTable.standard();
  private final String node;

  private ChatRoom(Vertx vertx, ChatConfig config, UserRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.registry = registry;
    this.catalogue = new Catalogue(config.language());
    this.node = nodeId(vertx);
  }

  public static Future<ChatRoom> open(Vertx vertx, ChatConfig config) {
    return UserRegistry.open(vertx).map(registry -> new ChatRoom(vertx, config, registry));
  }

  /** A new user, not yet joined: the caller wires up its transport, then calls {@link ChatSession#join()}. */
  public ChatSession newSession(Peer peer, String addr) {
    return new ChatSession(this, peer, addr);
  }

  public void publish(JsonObject event) {
    vertx.eventBus().publish(Addresses.BROADCAST, event);
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

  public String node() {
    return node;
  }

  private static String nodeId(Vertx vertx) {
    if (vertx.isClustered() && vertx instanceof VertxInternal internal) {
      return internal.clusterManager().getNodeId();
    }
    return "local";
  }
}
