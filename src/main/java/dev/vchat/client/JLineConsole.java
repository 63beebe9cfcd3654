package dev.vchat.client;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOError;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real terminal through JLine: line editing and in-memory history at the prompt, and lines from
 * the server printed above the prompt ({@link LineReader#printAbove}), which JLine then redraws
 * with whatever the user had typed so far.
 */
final class JLineConsole implements UserConsole {

  private final Terminal terminal;
  private final LineReader reader;

  private JLineConsole(Terminal terminal) {
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder()
      .terminal(terminal)
      .appName("vchat")
      // "hi!" is chat, not a history event
      .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
      .build();
  }

  static JLineConsole open() {
    try {
      return new JLineConsole(TerminalBuilder.builder().system(true).name("vchat").build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (EndOfFileException | UserInterruptException e) {
      return null;
    } catch (IllegalStateException | IOError e) {
      // the session ended and closed the terminal under the prompt
      return null;
    }
  }

  @Override
  public void show(String line) {
    reader.printAbove(line);
  }

  @Override
  public void note(String line) {
    reader.printAbove(line);
  }

  @Override
  public void close() {
    if (reader.isReading()) {
      // ended under a prompt (kicked, connection lost): leave the shell a line of its own
      terminal.writer().println();
      terminal.flush();
    }
    try {
      terminal.close();
    } catch (IOException ignored) {
      // the terminal is being given back anyway
    }
  }
}
