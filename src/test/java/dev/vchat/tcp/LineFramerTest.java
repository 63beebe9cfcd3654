package dev.vchat.tcp;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineFramerTest {

  private final List<String> seen = new ArrayList<>();
  private final LineFramer framer = new LineFramer(8, new LineFramer.Sink() {
    @Override
    public void line(Buffer line) {
      seen.add(line.toString());
    }

    @Override
    public void tooLong() {
      seen.add("<too long>");
    }
  });

  private void feed(String... chunks) {
    for (String chunk : chunks) {
      framer.handle(Buffer.buffer(chunk));
    }
  }

  @Test
  void linesAcrossAndWithinChunks() {
    feed("ab\ncd", "e\n\nf", "g\r\n");
    assertEquals(List.of("ab", "cde", "", "fg"), seen);
  }

  @Test
  void aLineOfExactlyTheLimitPassesAndOneMoreIsRefused() {
    feed("12345678\r\n123456789\n");
    assertEquals(List.of("12345678", "<too long>"), seen);
  }

  @Test
  void anOverLongLineIsReportedOnceAndSkippedToItsLineEnd() {
    feed("1234567", "89abc", "defgh", "ijk\nok\n");
    assertEquals(List.of("<too long>", "ok"), seen);
  }

  @Test
  void aCarriageReturnElsewhereIsKeptForTheSanitizer() {
    feed("a\rb\n");
    assertEquals(List.of("a\rb"), seen);
  }

  @Test
  void aLastLineWithoutLineEndCountsAtEndOfStream() {
    feed("ab\ncd");
    framer.end();
    assertEquals(List.of("ab", "cd"), seen);
  }
}
