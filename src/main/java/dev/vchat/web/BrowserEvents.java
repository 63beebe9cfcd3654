package dev.vchat.web;

import dev.vchat.core.Catalogue;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Turns a chat event into what a browser gets: the protocol's text in {@code line}, plus the
 * structured fields the page needs for its online list. Only the fields listed here pass, so
 * internal ones (the session id {@code sid} above all) never reach a browser.
 */
final class BrowserEvents {

  /** The event fields a browser may see; see core/Events for their meaning. */
  static final List<String> VISIBLE = List.of("type", "addr", "name", "old", "from", "to", "text", "seconds", "code", "max");

  private final Catalogue catalogue;

  BrowserEvents(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** @param self whether this broadcast was caused by the receiving user itself */
  JsonObject forBrowser(JsonObject event, boolean self) {
    JsonObject shown = new JsonObject();
    for (String field : VISIBLE) {
      Object value = event.getValue(field);
      if (value != null) {
        shown.put(field, value);
      }
    }
    shown.put("line", catalogue.render(event));
    if (self) {
      shown.put("self", true);
    }
    return shown;
  }
}
