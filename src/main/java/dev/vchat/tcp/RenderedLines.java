package dev.vchat.tcp;

import dev.vchat.core.Catalogue;
import dev.vchat.core.Events;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Broadcast events rendered in one language: all their lines in one buffer, where each line
 * ends, which session caused each and the distinct causes. Immutable once built: a rendering is
 * shared by the TCP instances' event loops, and each connection is written the same buffer.
 *
 * <p>A plain heap {@link Buffer}. Netty copies it off-heap once per connection it is written
 * to; rendering it off-heap once instead saved that copy but moved no figure of the bench
 * (docs/PERFORMANCE.md), so the simpler buffer stays.
 */
record RenderedLines(Buffer all, int[] ends, String[] sids, String[] causes) {

  static RenderedLines render(Catalogue catalogue, List<JsonObject> events) {
    Buffer all = Buffer.buffer(events.size() * 96);
    int[] ends = new int[events.size()];
    String[] sids = new String[events.size()];
    Set<String> causes = new LinkedHashSet<>(2);
    for (int i = 0; i < events.size(); i++) {
      all.appendBytes((catalogue.render(events.get(i)) + "\n").getBytes(StandardCharsets.UTF_8));
      ends[i] = all.length();
      String sid = events.get(i).getString(Events.SID);
      sids[i] = sid;
      if (sid != null) {
        causes.add(sid);
      }
    }
    return new RenderedLines(all, ends, sids, causes.toArray(new String[0]));
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
    Set<String> causes = new LinkedHashSet<>();
    int line = 0;
    for (RenderedLines part : parts) {
      int offset = all.length();
      all.appendBuffer(part.all);
      for (int i = 0; i < part.ends.length; i++, line++) {
        ends[line] = offset + part.ends[i];
        sids[line] = part.sids[i];
      }
      causes.addAll(List.of(part.causes));
    }
    return new RenderedLines(all, ends, sids, causes.toArray(new String[0]));
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

  /** The lines from line {@code from} on but those caused by session {@code sid}. */
  Buffer linesFor(String sid, int from, boolean causedSome) {
    int start = from == 0 ? 0 : ends[from - 1];
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
