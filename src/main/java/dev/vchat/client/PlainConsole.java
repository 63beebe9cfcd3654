package dev.vchat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Plain streams, for pipes, scripts and tests: lines from {@code in}, everything shown on
 * {@code out}, notes on {@code err}. Prompts are printed only when asked (the menu's), each on a
 * line of its own so output stays line-oriented.
 */
final class PlainConsole implements UserConsole {

  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean prompts;

  PlainConsole(InputStream in, PrintStream out, PrintStream err, boolean prompts) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
    this.prompts = prompts;
  }

  @Override
  public String readLine(String prompt) {
    if (prompts && !prompt.isEmpty()) {
      show(prompt);
    }
    try {
      String line = in.readLine();
      return line == null || !line.endsWith("\r") ? line : line.substring(0, line.length() - 1);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public synchronized void show(String line) {
    out.println(line);
    out.flush();
  }

  @Override
  public synchronized void note(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void close() {
    out.flush();
    err.flush();
  }
}
