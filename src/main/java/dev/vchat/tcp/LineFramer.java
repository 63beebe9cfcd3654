package dev.vchat.tcp;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * Cuts a byte stream into LF-terminated lines of at most {@code maxLineBytes} (a CR right
 * before the LF is dropped and does not count). An over-long line is reported once and skipped
 * up to its LF; the stream stays usable. Vert.x's RecordParser cannot skip (it keeps the data
 * and fails again on every chunk), hence this small framer.
 */
public final class LineFramer implements Handler<Buffer> {

  public interface Sink {
    void line(Buffer line);

    void tooLong();
  }

  private final int maxLineBytes;
  private final Sink sink;
  /**
   * The start of a line whose LF has not come yet; null while there is none, which is nearly
   * always: an idle user would otherwise hold an empty 256-byte buffer for nothing.
   */
  private Buffer pending;
  private boolean skipping;

  public LineFramer(int maxLineBytes, Sink sink) {
    this.maxLineBytes = maxLineBytes;
    this.sink = sink;
  }

  @Override
  public void handle(Buffer chunk) {
    int start = 0;
    int length = chunk.length();
    for (int i = 0; i < length; i++) {
      if (chunk.getByte(i) == '\n') {
        completeLine(chunk, start, i);
        start = i + 1;
      }
    }
    if (start < length) {
      partialLine(chunk, start, length);
    }
  }

  /** At end of stream, a last line without its LF still counts. */
  public void end() {
    if (!skipping && pending != null) {
      emit(pending);
    }
    pending = null;
  }

  private void completeLine(Buffer chunk, int from, int to) {
    if (skipping) {
      skipping = false;
      return;
    }
    Buffer line;
    if (pending == null) {
      line = chunk.slice(from, to);
    } else {
      line = pending.appendBuffer(chunk, from, to - from);
      pending = null;
    }
    emit(line);
  }

  private void emit(Buffer line) {
    int length = line.length();
    if (length > 0 && line.getByte(length - 1) == '\r') {
      length--;
    }
    if (length > maxLineBytes) {
      sink.tooLong();
    } else {
      sink.line(length == line.length() ? line : line.slice(0, length));
    }
  }

  private void partialLine(Buffer chunk, int from, int to) {
    if (skipping) {
      return;
    }
    int pendingLength = pending == null ? 0 : pending.length();
    // one byte of slack: it may be the CR of a CRLF
    if (pendingLength + (to - from) > maxLineBytes + 1) {
      pending = null;
      skipping = true;
      sink.tooLong();
      return;
    }
    if (pending == null) {
      pending = Buffer.buffer(to - from);
    }
    pending.appendBuffer(chunk, from, to - from);
  }
}
