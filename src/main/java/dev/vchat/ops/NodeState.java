package dev.vchat.ops;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * What this node has finished starting, for readiness: kept in the Vert.x instance's local
 * shared data, so that several Vert.x instances in one JVM (tests) do not see each other's.
 */
public final class NodeState {

  private static final String MAP = "dev.vchat.ops.state";
  private static final String TCP_LISTENING = "tcpListening";

  private NodeState() {
  }

  /** Set once every TCP chat instance listens; cleared when the server is undeployed. */
  public static void tcpListening(Vertx vertx, boolean listening) {
    map(vertx).put(TCP_LISTENING, listening);
  }

  public static boolean isTcpListening(Vertx vertx) {
    return Boolean.TRUE.equals(map(vertx).get(TCP_LISTENING));
  }

  private static LocalMap<String, Boolean> map(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }
}
