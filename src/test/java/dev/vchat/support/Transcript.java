package dev.vchat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * With {@code -Dvchat.transcript=FILE}, test users append what they send ({@code who> line})
 * and receive ({@code who< line}) to FILE, in the order it happened: the docs' examples are
 * copied from such runs. Off by default.
 */
public final class Transcript {

  private static final String FILE = System.getProperty("vchat.transcript", "");

  private Transcript() {
  }

  public static synchronized void record(String who, boolean sent, String line) {
    if (FILE.isEmpty()) {
      return;
    }
    try {
      Files.writeString(Path.of(FILE), who + (sent ? "> " : "< ") + line + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
