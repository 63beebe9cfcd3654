package dev.vchat.cluster;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chat node as an operator runs it: the fat jar in a JVM of its own, with its config on the
 * command line, stopped with SIGTERM and started again with the same config. Each start writes
 * its output to a log file of its own ({@code NAME-1.log}, {@code NAME-2.log}, ...).
 */
final class NodeProcess implements AutoCloseable {

  private final String name;
  private final JsonObject config;
  private final Path dir;
  private Process process;
  private Path log;
  private int starts;

  private NodeProcess(String name, JsonObject config, Path dir) {
    this.name = name;
    this.config = config;
    this.dir = dir;
  }

  /** Starts the node; call {@link #awaitLog} to wait until it serves. */
  static NodeProcess start(String name, JsonObject config, Path dir) throws IOException {
    NodeProcess node = new NodeProcess(name, config, dir);
    node.start();
    return node;
  }

  String name() {
    return name;
  }

  int port() {
    return config.getInteger("port");
  }

  /** Starts it (again) with the same config. */
  void start() throws IOException {
    starts++;
    log = dir.resolve(name + "-" + starts + ".log");
    process = new ProcessBuilder(
      Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
      "-jar", Path.of("target", "chat.jar").toAbsolutePath().toString(), "-conf", config.encode())
      .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * The output of the current start once it holds {@code expected}; fails after 90 s (a start takes
   * 5 to 10 s here, over 30 s when the machine is loaded; ProcessOutput's 30 s is too short for that).
   */
  String awaitLog(String expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String text = "";
    while (System.nanoTime() < deadline) {
      text = Files.readString(log, StandardCharsets.UTF_8);
      if (text.contains(expected)) {
        return text;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + ": no \"" + expected + "\" in the output" + (process.isAlive() ? "" : " (it exited)") + ":\n" + text);
  }

  /** SIGTERM, as {@code kill PID} or systemd's stop sends it; does not wait. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to end; returns its exit code. */
  int awaitExit() throws Exception {
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), name + " did not end within 60 s");
    return process.exitValue();
  }

  /** Keeps the logs of every start in {@code target} (for the operator's docs and for a failed run). */
  void copyLogsTo(Path target) throws IOException {
    Files.createDirectories(target);
    for (int i = 1; i <= starts; i++) {
      Path file = dir.resolve(name + "-" + i + ".log");
      if (Files.exists(file)) {
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
