package dev.vchat.core;

import io.vertx.core.json.JsonObject;

/**
 * One online user as the registry holds it: the session (and so its private address), the
 * display name, the remote address and the node that owns the connection.
 */
public record UserEntry(String sid, String name, String addr, String node) {

  public String key() {
    return Names.key(name);
  }

  public UserEntry withName(String newName) {
    return new UserEntry(sid, newName, addr, node);
  }

  /**
   * The stored form. Registry values are compared by equality in check-and-set operations, so
   * they are plain strings with a fixed field order.
   */
  public String encode() {
    return new JsonObject().put("sid", sid).put("name", name).put("addr", addr).put("node", node).encode();
  }

  public static UserEntry decode(String encoded) {
    JsonObject json = new JsonObject(encoded);
    return new UserEntry(json.getString("sid"), json.getString("name"), json.getString("addr"), json.getString("node"));
  }
}
