package dev.vchat.tcp;

import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import dev.vchat.core.Language;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fan-out writes to each connection: the protocol's lines, all or from a point on, without the reader's own. */
class RenderedLinesTest {

  private final Catalogue catalogue = new Catalogue(Language.EN);

  private RenderedLines render(String... sidAndText) {
    List<io.vertx.core.json.JsonObject> events = new java.util.ArrayList<>();
    for (int i = 0; i < sidAndText.length; i += 2) {
      events.add(Events.chat(sidAndText[i], "1.2.3.4:5", sidAndText[i], sidAndText[i + 1], "#lobby"));
    }
    return RenderedLines.render(catalogue, events);
  }

  private static String text(Buffer buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linesAreTheProtocols() {
    RenderedLines lines = render("ann", "hi", "bob", "yo");
    assertEquals("[1.2.3.4:5]ann:hi\n[1.2.3.4:5]bob:yo\n", text(lines.all()));
    assertEquals(2, lines.lines());
  }

  @Test
  void concatenatedBatchesKeepTheirOrderAndTheirCauses() {
    RenderedLines lines = RenderedLines.concat(List.of(render("ann", "1", "bob", "2"), render("ann", "3")));
    assertEquals("[1.2.3.4:5]ann:1\n[1.2.3.4:5]bob:2\n[1.2.3.4:5]ann:3\n", text(lines.all()));
    assertEquals(List.of("ann", "bob"), List.of(lines.causes()));
    assertEquals("[1.2.3.4:5]bob:2\n", text(lines.linesFor("ann", 0, true)));
    assertEquals(1, lines.countFor("ann", 0));
    assertTrue(lines.causedBy("bob"));
    assertEquals(false, lines.causedBy("cid"));
    assertEquals("[1.2.3.4:5]ann:1\n[1.2.3.4:5]ann:3\n", text(lines.linesFor("bob", 0, true)));
  }

  @Test
  void aConnectionCaughtUpGetsOnlyTheRest() {
    RenderedLines lines = RenderedLines.concat(List.of(render("ann", "1"), render("bob", "2", "cid", "3")));
    assertEquals("[1.2.3.4:5]bob:2\n[1.2.3.4:5]cid:3\n", text(lines.linesFor("dan", 1, false)));
    assertEquals("[1.2.3.4:5]cid:3\n", text(lines.linesFor("bob", 1, true)));
    assertEquals(1, lines.countFor("bob", 1));
    assertEquals("", text(lines.linesFor("cid", 2, true)));
  }

  @Test
  void theRangesAroundAConnectionsOwnLinesHoldExactlyTheOthers() {
    RenderedLines lines = RenderedLines.concat(List.of(render("ann", "1", "bob", "2", "cid", "3"), render("ann", "4", "dan", "5")));
    for (String sid : List.of("ann", "bob", "cid", "dan", "eve")) {
      for (int from = 0; from <= lines.lines(); from++) {
        int[] ranges = lines.rangesFor(sid, from);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
          shown.append(text(lines.all().slice(ranges[i], ranges[i + 1])));
        }
        assertEquals(text(lines.linesFor(sid, from, true)), shown.toString(), sid + " from line " + from);
      }
    }
    assertEquals(2, lines.rangesFor("ann", 0).length / 2, "bob's and cid's lines are one run, dan's another");
    assertEquals(1, lines.rangesFor("eve", 0).length / 2, "all of them: one run");
  }

  @Test
  void aMixedBatchKeepsEachRoomsOwnLines() {
    List<io.vertx.core.json.JsonObject> events = List.of(
      Events.chat("ann", "1.2.3.4:5", "ann", "in go", "#go"),
      Events.chat("bob", "1.2.3.4:5", "bob", "in lobby", "#lobby"),
      Events.offline("cid", "1.2.3.4:5", "cid", List.of("#GO", "#lobby")));
    RenderedLines lines = RenderedLines.render(catalogue, events);
    assertEquals("[1.2.3.4:5]ann:in go\n[1.2.3.4:5]cid:offline\n", text(lines.forRoom(dev.vchat.core.Rooms.key("#go")).all()));
    assertEquals("[1.2.3.4:5]bob:in lobby\n[1.2.3.4:5]cid:offline\n", text(lines.forRoom(dev.vchat.core.Rooms.key("#lobby")).all()));
    assertEquals(0, lines.forRoom(dev.vchat.core.Rooms.key("#elsewhere")).lines());
    RenderedLines one = RenderedLines.render(catalogue, List.of(events.get(0)));
    assertTrue(one == one.forRoom(dev.vchat.core.Rooms.key("#go")), "a batch all for one room is kept as it is");
  }
}
