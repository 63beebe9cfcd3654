package dev.vchat.web;

import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Turns a chat event into what a browser gets: the protocol's text in {@code line}, plus the
 * structured fields the page needs for its online list and rooms. Only the fields listed here
 * pass, so internal ones (the session id {@code sid} above all) never reach a browser.
 */
final class BrowserEvents {

  /** The event fields a browser may see; see core/Events for their meaning. */
  static final List<String> VISIBLE = List.of("type", "addr", "name", "old", "from", "to", "text", "seconds", "code", "max",
    "room", "rooms", "ts", "users");

  private final Catalogue catalogue;

  BrowserEvents(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** @param self whether this broadcast was caused by the receiving user itself */
  JsonObject forBrowser(JsonObject event, boolean self) {
    JsonObject shown = visible(event);
    // a history event's entry is a chat event of its own: the same fields of it pass
    JsonObject entry = event.getJsonObject(Events.ENTRY);
    if (entry != null) {
      shown.put(Events.ENTRY, visible(entry));
    }
    shown.put("line", catalogue.render(event));
    if (self) {
      shown.put("self", true);
    }
    return shown;
  }

  private static JsonObject visible(JsonObject event) {
    JsonObject shown = new JsonObject();
    for (String field : VISIBLE) {
      Object value = event.getValue(field);
      if (value != null) {
        shown.put(field, value);
      }
    }
    return shown;
  }
}
