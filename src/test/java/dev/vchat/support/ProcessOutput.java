package dev.vchat.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Waits on what a server started as a separate process (the fat jar) writes to its output file. */
public final class ProcessOutput {

  private ProcessOutput() {
  }

  /** The whole output once it contains {@code expected}; fails after 30 s with what it had. */
  public static String await(Path output, String expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String text = "";
    while (System.nanoTime() < deadline) {
      text = Files.readString(output, StandardCharsets.UTF_8);
      if (text.contains(expected)) {
        return text;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no \"" + expected + "\" in the output:\n" + text);
  }
}
