package dev.vchat.irc;

import dev.vchat.core.Events;
import dev.vchat.core.Rooms;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One broadcast batch as IRC lines, rendered once per node (kept in the immutable
 * {@code Broadcast}, shared by the IRC instances): each line's bytes with its CRLF, the session
 * that caused it, and the keys of the rooms it is for. Immutable.
 */
record IrcLines(List<Line> lines) {

  record Line(byte[] bytes, String sid, List<String> roomKeys) {

    /** Whether a viewer in these rooms (by key) sees the line. */
    boolean isFor(Set<String> viewerRooms) {
      for (String key : roomKeys) {
        if (viewerRooms.contains(key)) {
          return true;
        }
      }
      return false;
    }
  }

  static IrcLines render(List<JsonObject> events) {
    List<Line> lines = new ArrayList<>(events.size());
    for (JsonObject event : events) {
      String text = IrcEvents.render(event);
      if (text != null) {
        lines.add(new Line((text + "\r\n").getBytes(StandardCharsets.UTF_8), event.getString(Events.SID),
          Events.audience(event).stream().map(Rooms::key).toList()));
      }
    }
    return new IrcLines(List.copyOf(lines));
  }

  /** Appends the lines a viewer sees: in its rooms, and not caused by itself (it was shown those directly). */
  int appendFor(Buffer out, String viewerSid, Set<String> viewerRooms) {
    int n = 0;
    for (Line line : lines) {
      if (!viewerSid.equals(line.sid()) && line.isFor(viewerRooms)) {
        out.appendBytes(line.bytes());
        n++;
      }
    }
    return n;
  }
}
