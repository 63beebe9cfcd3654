package dev.vchat.web;

import dev.vchat.core.Broadcast;
import dev.vchat.core.Events;
import dev.vchat.core.Rooms;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browser connections of one web verticle instance and the one broadcast consumer they
 * share: each broadcast is turned into the browser's shape once and sent to every online
 * connection in its room(s) but the one whose session caused it (that session showed it already).
 */
final class WebFanout implements Handler<Message<Broadcast>> {

  private final Map<String, WebConnection> connections = new LinkedHashMap<>();
  private final BrowserEvents renderer;

  WebFanout(BrowserEvents renderer) {
    this.renderer = renderer;
  }

  void add(WebConnection connection) {
    connections.put(connection.sid(), connection);
  }

  void remove(WebConnection connection) {
    connections.remove(connection.sid());
  }

  /** A copy: connections remove themselves as they close. */
  List<WebConnection> connections() {
    return new ArrayList<>(connections.values());
  }

  @Override
  public void handle(Message<Broadcast> message) {
    for (JsonObject event : message.body().events()) {
      String skip = event.getString(Events.SID);
      List<String> rooms = Events.audience(event).stream().map(Rooms::key).toList();
      JsonObject shown = renderer.forBrowser(event, false);
      for (WebConnection connection : connections.values()) {
        if (connection.isOnline() && !connection.sid().equals(skip) && rooms.contains(connection.roomKey())) {
          connection.send(shown);
        }
      }
    }
  }
}
