package dev.vchat.tcp;

import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import dev.vchat.core.Rooms;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Broadcast events rendered in one language: all their lines in one buffer, where each line
 * ends, which session caused each and the distinct causes, and which rooms each line is for
 * ({@code only}: the one room all of them are for, the common case, or null). Immutable once built: a rendering is
 * shared by the TCP instances' event loops, and each connection is written the same buffer.
 *
 * <p>A plain heap {@link Buffer}: a flush copies what it writes to many connections off-heap once
 * ({@link SharedLines}).
 */
record RenderedLines(Buffer all, int[] ends, String[] sids, String[] causes, String[][] rooms, String only) {

  private static final RenderedLines EMPTY =
    new RenderedLines(Buffer.buffer(0), new int[0], new String[0], new String[0], new String[0][], null);

  static RenderedLines render(Catalogue catalogue, List<JsonObject> events) {
    Buffer all = Buffer.buffer(events.size() * 96);
    int[] ends = new int[events.size()];
    String[] sids = new String[events.size()];
    String[][] rooms = new String[events.size()][];
    Set<String> causes = new LinkedHashSet<>(2);
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.get(i);
      all.appendBytes(catalogue.line(event));
      ends[i] = all.length();
      String sid = event.getString(Events.SID);
      sids[i] = sid;
      if (sid != null) {
        causes.add(sid);
      }
      rooms[i] = Events.audience(event).stream().map(Rooms::key).toArray(String[]::new);
    }
    return new RenderedLines(all, ends, sids, causes.toArray(new String[0]), rooms, onlyRoom(rooms));
  }

  /** The one room every line is for, or null. */
  private static String onlyRoom(String[][] rooms) {
    String only = null;
    for (String[] lineRooms : rooms) {
      if (lineRooms.length != 1 || (only != null && !only.equals(lineRooms[0]))) {
        return null;
      }
      only = lineRooms[0];
    }
    return only;
  }

  /** The lines for the users of one room (by {@link Rooms#key}); this rendering itself when all are. */
  RenderedLines forRoom(String roomKey) {
    if (only != null) {
      return only.equals(roomKey) ? this : EMPTY;
    }
    Buffer out = Buffer.buffer(all.length());
    int[] outEnds = new int[ends.length];
    String[] outSids = new String[ends.length];
    String[][] outRooms = new String[ends.length][];
    Set<String> outCauses = new LinkedHashSet<>(2);
    int n = 0;
    int start = 0;
    for (int i = 0; i < ends.length; i++) {
      if (isFor(rooms[i], roomKey)) {
        out.appendBuffer(all, start, ends[i] - start);
        outEnds[n] = out.length();
        outSids[n] = sids[i];
        outRooms[n] = rooms[i];
        if (sids[i] != null) {
          outCauses.add(sids[i]);
        }
        n++;
      }
      start = ends[i];
    }
    if (n == 0) {
      return EMPTY;
    }
    return new RenderedLines(out, Arrays.copyOf(outEnds, n), Arrays.copyOf(outSids, n), outCauses.toArray(new String[0]),
      Arrays.copyOf(outRooms, n), roomKey);
  }

  private static boolean isFor(String[] lineRooms, String roomKey) {
    for (String room : lineRooms) {
      if (room.equals(roomKey)) {
        return true;
      }
    }
    return false;
  }

  /** The lines of several renderings, in order, as one. */
  static RenderedLines concat(List<RenderedLines> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int bytes = 0;
    int lines = 0;
    for (RenderedLines part : parts) {
      bytes += part.all.length();
      lines += part.ends.length;
    }
    Buffer all = Buffer.buffer(bytes);
    int[] ends = new int[lines];
    String[] sids = new String[lines];
    String[][] rooms = new String[lines][];
    Set<String> causes = new LinkedHashSet<>();
    int line = 0;
    for (RenderedLines part : parts) {
      int offset = all.length();
      all.appendBuffer(part.all);
      for (int i = 0; i < part.ends.length; i++, line++) {
        ends[line] = offset + part.ends[i];
        sids[line] = part.sids[i];
        rooms[line] = part.rooms[i];
      }
      causes.addAll(List.of(part.causes));
    }
    return new RenderedLines(all, ends, sids, causes.toArray(new String[0]), rooms, onlyRoom(rooms));
  }

  int lines() {
    return ends.length;
  }

  /** Whether session {@code sid} caused some of the lines. */
  boolean causedBy(String sid) {
    for (String cause : causes) {
      if (cause.equals(sid)) {
        return true;
      }
    }
    return false;
  }

  /** How many of the lines from line {@code from} on session {@code sid} did not cause. */
  int countFor(String sid, int from) {
    int n = 0;
    for (int i = from; i < sids.length; i++) {
      if (!sid.equals(sids[i])) {
        n++;
      }
    }
    return n;
  }

  /** Where line {@code line} starts in {@link #all}. */
  int startOf(int line) {
    return line == 0 ? 0 : ends[line - 1];
  }

  /**
   * Where the lines from line {@code from} on but those caused by session {@code sid} are in
   * {@link #all}: start and end pairs, one per run of consecutive lines; empty when there are none.
   */
  int[] rangesFor(String sid, int from) {
    int[] ranges = new int[2 * (ends.length - from)];
    int n = 0;
    int start = startOf(from);
    for (int i = from; i < ends.length; i++) {
      if (!sid.equals(sids[i])) {
        if (n > 0 && ranges[n - 1] == start) {
          ranges[n - 1] = ends[i]; // extends the run
        } else {
          ranges[n++] = start;
          ranges[n++] = ends[i];
        }
      }
      start = ends[i];
    }
    return Arrays.copyOf(ranges, n);
  }

  /** The lines from line {@code from} on but those caused by session {@code sid}. */
  Buffer linesFor(String sid, int from, boolean causedSome) {
    int start = startOf(from);
    if (!causedSome) {
      return start == 0 ? all : all.slice(start, all.length());
    }
    Buffer out = Buffer.buffer(all.length() - start);
    for (int i = from; i < ends.length; i++) {
      if (!sid.equals(sids[i])) {
        out.appendBuffer(all, start, ends[i] - start);
      }
      start = ends[i];
    }
    return out;
  }
}
