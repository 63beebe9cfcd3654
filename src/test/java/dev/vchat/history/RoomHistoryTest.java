package dev.vchat.history;

import dev.vchat.core.Events;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The rings: bounded per room, rooms bounded with the least recently used forgotten, no sids out, no line twice after a sync. */
class RoomHistoryTest {

  private static JsonObject chat(String room, String text) {
    return Events.chat("sid-" + text, "1.2.3.4:5", "ann", text, room);
  }

  private static List<String> texts(List<JsonObject> lines) {
    return lines.stream().map(line -> line.getString("text")).toList();
  }

  @Test
  void aRoomKeepsItsLastLinesAndShowsThemWithoutSessionIds() {
    RoomHistory history = new RoomHistory(3, 10);
    for (int i = 1; i <= 5; i++) {
      history.add(chat("#go", "l" + i));
    }
    assertEquals(List.of("l3", "l4", "l5"), texts(history.last("#go", 20)));
    assertEquals(List.of("l4", "l5"), texts(history.last("#go", 2)));
    assertFalse(history.last("#go", 1).get(0).containsKey(Events.SID));
    assertEquals(List.of(), history.last("#lobby", 20));
  }

  @Test
  void roomsThatDifferInCaseShareOneRing() {
    RoomHistory history = new RoomHistory(5, 10);
    history.add(chat("#Go", "a"));
    history.add(chat("#go", "b"));
    assertEquals(List.of("a", "b"), texts(history.last("#go", 5)));
  }

  @Test
  void theRoomSpokenInLeastRecentlyIsForgottenFirst() {
    RoomHistory history = new RoomHistory(5, 2);
    history.add(chat("#a", "1"));
    history.add(chat("#b", "2"));
    history.add(chat("#a", "3"));
    history.add(chat("#c", "4")); // #b is the least recently used
    assertEquals(List.of(), history.last("#b", 5));
    assertEquals(List.of("1", "3"), texts(history.last("#a", 5)));
    assertEquals(List.of("4"), texts(history.last("#c", 5)));
  }

  @Test
  void aSnapshotRestoredKeepsWhatArrivedMeanwhileOnce() {
    RoomHistory peer = new RoomHistory(5, 10);
    JsonObject one = chat("#go", "1");
    JsonObject two = chat("#go", "2");
    peer.add(one);
    peer.add(two);
    RoomHistory late = new RoomHistory(5, 10);
    late.add(two); // received live while asking the peer
    late.add(chat("#go", "3"));
    late.restore(peer.snapshot());
    assertEquals(List.of("1", "2", "3"), texts(late.last("#go", 5)));
  }

  private static JsonObject said(String room, String text, long ts) {
    return chat(room, text).put("ts", ts);
  }

  @Test
  void theHalvesOfASplitMergeByTimeEachLineOnceTheNewestKept() {
    RoomHistory a = new RoomHistory(5, 10);
    RoomHistory b = new RoomHistory(5, 10);
    JsonObject before = said("#go", "before", 100);
    a.add(before);
    b.add(before);
    a.add(said("#go", "a1", 200));
    b.add(said("#go", "b1", 250));
    a.add(said("#go", "a2", 300));
    b.add(said("#go", "b2", 300)); // a tie: each node keeps its own line first
    b.add(said("#b-only", "b3", 310));
    JsonObject fromA = a.snapshot();
    assertEquals(2, b.merge(fromA)); // a1 and a2; before is not doubled
    assertEquals(3, a.merge(b.snapshot())); // b1, b2, b3
    for (RoomHistory healed : List.of(a, b)) {
      assertEquals(List.of("b3"), texts(healed.last("#b-only", 5)));
    }
    assertEquals(List.of("before", "a1", "b1", "a2", "b2"), texts(a.last("#go", 5)));
    assertEquals(List.of("before", "a1", "b1", "b2", "a2"), texts(b.last("#go", 5)));
    assertEquals(0, a.merge(fromA), "a second merge adds nothing");

    RoomHistory small = new RoomHistory(3, 10);
    small.add(said("#go", "x", 150));
    small.merge(fromA);
    assertEquals(List.of("x", "a1", "a2"), texts(small.last("#go", 5)), "the newest lines within the bound");
  }
}
