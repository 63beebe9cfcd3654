package dev.vchat.cluster;

import dev.vchat.config.ChatConfig;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * TLS on the clustered event bus (every chat line, private message and history copy between
 * nodes), with mutual authentication: each node presents its own certificate and accepts only
 * peers whose certificate the configured CA signed, in both directions (the node that connects
 * checks the server's certificate, the node that accepts requires the client's). Vert.x's
 * event-bus client does not verify host names, so a node's certificate need not name its address:
 * holding a certificate of the cluster's CA is what admits a node. Hazelcast's own traffic
 * (membership, the user registry) is not covered: docs/CLUSTER.md.
 */
public final class EventBusTls {

  private EventBusTls() {
  }

  /** Sets TLS on {@code options} when the config names the three PEM files; leaves it plain otherwise. */
  public static EventBusOptions apply(EventBusOptions options, ChatConfig chat) {
    if (!chat.clusterTlsEnabled()) {
      return options;
    }
    // the event bus's default is trustAll = true (EventBusOptions.DEFAULT_TRUST_ALL): without this the
    // connecting side would accept any server certificate, so a rogue node would still receive every line
    return options.setSsl(true)
      .setTrustAll(false)
      .setKeyCertOptions(new PemKeyCertOptions().setCertPath(chat.clusterTlsCertPath()).setKeyPath(chat.clusterTlsKeyPath()))
      .setTrustOptions(new PemTrustOptions().addCertPath(chat.clusterTlsCaPath()))
      .setClientAuth(ClientAuth.REQUIRED);
  }
}
