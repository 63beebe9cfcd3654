package dev.vchat.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.vchat.config.ChatConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Hazelcast cluster manager as the chat configures it: members found over TCP/IP at
 * {@code clusterMembers}, multicast and auto-detection off, bound to {@code clusterHost} only,
 * failures detected within {@code clusterFailureSeconds} (see {@link #failureDetection}). A Hazelcast XML given with
 * {@code -Dvertx.hazelcast.config} is used as it is instead (that is where Kubernetes or cloud
 * discovery goes).
 */
public final class HazelcastSetup {

  private static final String CUSTOM_CONFIG_PROPERTY = "vertx.hazelcast.config";

  private HazelcastSetup() {
  }

  /** A Vert.x builder for a clustered node, ready for {@code buildClustered()}. */
  public static VertxBuilder clusteredBuilder(VertxOptions options, ChatConfig chat) {
    EventBusTls.apply(options.getEventBusOptions().setHost(chat.clusterHost()), chat);
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcastConfig(chat)));
  }

  public static Config hazelcastConfig(ChatConfig chat) {
    // starts from Vert.x's own config, which declares the maps the event bus needs
    Config config = ConfigUtil.loadConfig();
    if (System.getProperty(CUSTOM_CONFIG_PROPERTY) != null) {
      return config;
    }
    config.setClusterName(chat.clusterName());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(chat.clusterPort()).setPortAutoIncrement(true).setPortCount(20);
    network.getInterfaces().setEnabled(true).clear().addInterface(chat.clusterHost());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(chat.clusterMembers());
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    failureDetection(config, chat.clusterFailureSeconds());
    splitBrainMerge(config);
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    return config;
  }

  /**
   * Tells a pause from a death. Heartbeats every second; a member is declared dead only after
   * {@code failureSeconds} without one, by the deadline detector: a fixed, documented bound. (The
   * phi-accrual detector adapts to the heartbeat history it has seen: after a long quiet run of
   * 1 s heartbeats it suspects a member after a few missed ones, which is exactly the GC pause we
   * mean to ride out.) An operation waiting on a paused member (a map put whose partition it owns,
   * a lookup) must not time out before the member could be declared dead, or users on the live
   * nodes see errors during a pause the cluster survives: the call timeout is at least twice the
   * failure time, and never below Hazelcast's 60 s default.
   */
  static void failureDetection(Config config, int failureSeconds) {
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.heartbeat.failuredetector.type", "deadline");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(failureSeconds));
    config.setProperty("hazelcast.operation.call.timeout.millis", String.valueOf(operationCallTimeoutMillis(failureSeconds)));
  }

  /** Hazelcast's property: seconds after a member starts before it first looks for another half to merge with. */
  static final String MERGE_FIRST_RUN_DELAY = "hazelcast.merge.first.run.delay.seconds";
  /** Hazelcast's property: seconds between two looks for another half. */
  static final String MERGE_NEXT_RUN_DELAY = "hazelcast.merge.next.run.delay.seconds";
  static final String DEFAULT_MERGE_FIRST_RUN_DELAY = "30";
  static final String DEFAULT_MERGE_NEXT_RUN_DELAY = "15";

  /**
   * How soon the halves of a split cluster find each other again once the network is back:
   * Hazelcast's own defaults (300 s, then every 120 s) leave the chat split for minutes after the
   * network is back. Each look costs a join request to the members in {@code clusterMembers} that are
   * not in this half. Either can be set with {@code -D} (a system property wins over these defaults).
   */
  static void splitBrainMerge(Config config) {
    if (System.getProperty(MERGE_FIRST_RUN_DELAY) == null) {
      config.setProperty(MERGE_FIRST_RUN_DELAY, DEFAULT_MERGE_FIRST_RUN_DELAY);
    }
    if (System.getProperty(MERGE_NEXT_RUN_DELAY) == null) {
      config.setProperty(MERGE_NEXT_RUN_DELAY, DEFAULT_MERGE_NEXT_RUN_DELAY);
    }
  }

  /** At least twice the failure time, never below Hazelcast's own default of 60 s. */
  static long operationCallTimeoutMillis(int failureSeconds) {
    return Math.max(60_000L, 2_000L * failureSeconds);
  }
}
