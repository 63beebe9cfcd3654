package dev.vchat.tcp;

import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections of one TCP verticle instance and the one broadcast consumer they share: each
 * broadcast is rendered to bytes once and the same buffer written to every online connection.
 */
final class TcpFanout implements Handler<Message<JsonObject>> {

  private final Catalogue catalogue;
  private final Map<String, TcpConnection> connections = new LinkedHashMap<>();

  TcpFanout(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  void add(TcpConnection connection) {
    connections.put(connection.sid(), connection);
  }

  void remove(TcpConnection connection) {
    connections.remove(connection.sid());
  }

  /** A copy: connections remove themselves as they close. */
  List<TcpConnection> connections() {
    return new ArrayList<>(connections.values());
  }

  @Override
  public void handle(Message<JsonObject> message) {
    JsonObject event = message.body();
    Buffer line = Buffer.buffer((catalogue.render(event) + "\n").getBytes(StandardCharsets.UTF_8));
    String skip = event.getString(Events.SID);
    for (TcpConnection connection : connections.values()) {
      if (connection.isOnline() && !connection.sid().equals(skip)) {
        connection.write(line);
      }
    }
  }
}
