package dev.vchat.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A detached tmux session on a tmux server of its own (its own socket name), to run a program in
 * a real terminal: type with send-keys, read the screen with capture-pane. Fails, never skips,
 * when tmux is missing: CI installs it.
 */
final class Tmux implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String socket = "vchat-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  /** Starts {@code shellCommand} in a 120x30 terminal. */
  static Tmux start(String shellCommand) {
    return start(shellCommand, 120, 30);
  }

  /** Starts {@code shellCommand} in a terminal of that size. */
  static Tmux start(String shellCommand, int columns, int rows) {
    Tmux tmux = new Tmux();
    tmux.run("new-session", "-d", "-x", String.valueOf(columns), "-y", String.valueOf(rows), shellCommand);
    return tmux;
  }

  /** Types text literally (no key names). */
  void type(String text) {
    run("send-keys", "-l", text);
  }

  /** Presses keys by tmux name: Enter, C-d, C-c. */
  void press(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys"));
    args.addAll(List.of(keys));
    run(args.toArray(String[]::new));
  }

  /** The visible screen, blank lines at the bottom dropped. */
  String screen() {
    return run("capture-pane", "-p").stripTrailing();
  }

  /** Everything the terminal showed, scrolled-off lines included, blank lines at the bottom dropped. */
  String history() {
    return run("capture-pane", "-p", "-S", "-").stripTrailing();
  }

  /** Waits until the screen matches. */
  String await(Predicate<String> match, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String screen = screen();
    while (!match.test(screen)) {
      if (System.nanoTime() > deadline) {
        fail("the terminal never showed " + what + "; it showed:\n" + screen);
      }
      pause();
      screen = screen();
    }
    return screen;
  }

  String await(String part) {
    return await(screen -> screen.contains(part), "\"" + part + "\"");
  }

  @Override
  public void close() {
    try {
      run("kill-server");
    } catch (AssertionError ignored) {
      // already gone
    }
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("tmux hung: " + command);
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail("tmux failed (" + process.exitValue() + "): " + command + "\n" + output);
      }
      return output;
    } catch (IOException e) {
      return fail("tmux is required for this test and could not be run (install it: apt-get install tmux): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /** A short poll interval between screen captures (the condition is what the test waits for). */
  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
