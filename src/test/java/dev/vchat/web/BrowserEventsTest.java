package dev.vchat.web;

import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import dev.vchat.core.Language;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rooms fields of spec/ROOMS-SPEC.md reach a browser; a session id never does, not even inside a history entry. */
class BrowserEventsTest {

  private final BrowserEvents events = new BrowserEvents(new Catalogue(Language.EN));

  @Test
  void roomFieldsPassAndSessionIdsDoNot() {
    assertEquals(new JsonObject().put("type", "online").put("addr", "1.2.3.4:5").put("name", "ann")
        .put("rooms", new JsonArray().add("#lobby")).put("line", "[1.2.3.4:5]ann:online").put("self", true),
      events.forBrowser(Events.online("sid-1", "1.2.3.4:5", "ann"), true));
    assertEquals(new JsonObject().put("type", "joined").put("addr", "1.2.3.4:5").put("name", "ann").put("room", "#go")
        .put("line", "[1.2.3.4:5]ann:joined"),
      events.forBrowser(Events.joined("sid-1", "1.2.3.4:5", "ann", "#go"), false));
    assertEquals(new JsonObject().put("type", "room-listed").put("room", "#go").put("users", 3).put("line", "#go (3)"),
      events.forBrowser(Events.roomListed("#go", 3), false));
    assertEquals(new JsonObject().put("type", "room-entered").put("room", "#go").put("line", "you are in #go"),
      events.forBrowser(Events.roomEntered("#go"), false));
    assertEquals(new JsonObject().put("type", "history-empty").put("room", "#go").put("line", "history: empty"),
      events.forBrowser(Events.historyEmpty("#go"), false));
    assertEquals(List.of("#go"), events.forBrowser(Events.offline("sid-1", "a", "ann", List.of("#go")), false)
      .getJsonArray("rooms").getList());
  }

  @Test
  void aHistoryEntryIsAChatEventWithoutItsSessionId() {
    JsonObject chat = Events.chat("sid-1", "1.2.3.4:5", "ann", "hi", "#go");
    JsonObject shown = events.forBrowser(Events.history(chat), false);
    assertEquals(new JsonObject().put("type", "chat").put("addr", "1.2.3.4:5").put("name", "ann").put("text", "hi").put("room", "#go")
      .put("ts", chat.getLong("ts")), shown.getJsonObject("entry"));
    assertEquals("history: [1.2.3.4:5]ann:hi", shown.getString("line"));
    assertEquals("chat", events.forBrowser(chat, false).getString("type"));
    assertEquals(chat.getLong("ts"), events.forBrowser(chat, false).getLong("ts"));
  }
}
