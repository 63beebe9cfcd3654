package dev.vchat.launcher;

import dev.vchat.support.ProcessOutput;
import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.launcher.application.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import dev.vchat.config.NetTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fat jar as a user runs it: {@code java -jar target/chat.jar ...}. */
class LauncherIT {

  private static final Path JAR = Path.of("target", "chat.jar").toAbsolutePath();
  private static final Path SCRIPT = Path.of("target", "chat").toAbsolutePath();

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopServers() {
    started.forEach(Process::destroyForcibly);
  }

  private Process launch(Path workDir, Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
      Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
      .directory(workDir.toFile())
      .redirectErrorStream(true)
      .redirectOutput(output.toFile())
      .start();
    started.add(process);
    return process;
  }


  /** {@code target/chat ARGS}, the start script, with {@code env} added to this JVM's environment. */
  private Process launchScript(Path workDir, Path output, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
      .directory(workDir.toFile())
      .redirectErrorStream(true)
      .redirectOutput(output.toFile());
    // the script's java: the one running the tests
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("VCHAT_JVM_OPTS");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private static String chatOnPort(int port) {
    return "{\"host\": \"127.0.0.1\", \"ircPort\": 0, \"port\": " + port + ", \"webEnabled\": false}";
  }

  /** The JVM the script starts runs with the script's memory settings (the JVM's own values, logged at start). */
  @Test
  void theStartScriptRunsTheServerWithItsMemorySettings(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    Path output = dir.resolve("out.txt");
    launchScript(dir, output, Map.of(), "-conf", chatOnPort(port));
    String log = ProcessOutput.await(output, "vchat started");
    assertTrue(log.contains("jvm: G1 Young Generation"), log);
    assertTrue(log.contains("free after a collection 10-20 %, collects when idle after 30000 ms, trims the native heap every 5000 ms"), log);
    assertFalse(log.contains("the JVM's defaults"), log);
    try (TestUser ann = TestUser.join(port, "ann")) {
      ann.send("hi");
      ann.expect("[" + ann.addr() + "]ann:hi");
    }
  }

  /** VCHAT_JVM_OPTS replaces the settings: empty, the JVM's defaults, as with java -jar; JAVA_OPTS adds to them. */
  @Test
  void theStartScriptsSettingsCanBeReplacedOrAddedTo(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    Path output = dir.resolve("out.txt");
    launchScript(dir, output, Map.of("VCHAT_JVM_OPTS", ""), "-conf", chatOnPort(port));
    String log = ProcessOutput.await(output, "vchat started");
    assertTrue(log.contains("free after a collection 40-70 %, collects when idle never, trims the native heap never (the JVM's defaults"), log);

    int port2 = ChatServer.freePort();
    Path output2 = dir.resolve("out2.txt");
    launchScript(dir, output2, Map.of("JAVA_OPTS", "-Xmx200m -XX:MaxHeapFreeRatio=25"), "-conf", chatOnPort(port2));
    String log2 = ProcessOutput.await(output2, "vchat started");
    assertTrue(log2.contains("heap at most 200 MiB, free after a collection 10-25 %, collects when idle after 30000 ms, trims the native heap every 5000 ms"), log2);
    try (TestUser ann = TestUser.join(port2, "ann")) {
      ann.send("hi");
      ann.expect("[" + ann.addr() + "]ann:hi");
    }
  }

  /** {@code java -jar} still runs the server, with the JVM's defaults, and says where the measured settings are. */
  @Test
  void javaDashJarRunsWithTheJvmsDefaultsAndSaysSo(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    Path output = dir.resolve("out.txt");
    launch(dir, output, "-conf", chatOnPort(port));
    String log = ProcessOutput.await(output, "vchat started");
    assertTrue(log.contains("collects when idle never, trims the native heap never (the JVM's defaults: target/chat, the start script, sets the measured ones; README)"), log);
  }

  @Test
  void aBadValueStopsStartUpWithExitCode1AndNamesTheKey(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("bad.json");
    Files.writeString(conf, "{\"port\": \"eighty\"}");
    Path output = dir.resolve("out.txt");
    Process process = launch(dir, output, "-conf", conf.toString());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, process.exitValue());
    String text = Files.readString(output);
    assertTrue(text.contains("bad configuration: config key \"port\" must be a whole number"), text);
  }

  @Test
  void aConfFileThatIsMissingOrNotJsonStopsStartUp(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    Process missing = launch(dir, output, "-conf", "nowhere.json");
    assertTrue(missing.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, missing.exitValue());
    assertTrue(Files.readString(output).contains("nowhere.json: no such file"), Files.readString(output));

    Files.writeString(dir.resolve("config.json"), "{\"port\": 1,");
    Path output2 = dir.resolve("out2.txt");
    Process broken = launch(dir, output2);
    assertTrue(broken.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, broken.exitValue());
    assertTrue(Files.readString(output2).contains("config file config.json is not a valid JSON object"), Files.readString(output2));
  }

  @Test
  void aPortInUseStopsStartUpWithTheLaunchersExitCode(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Path output = dir.resolve("out.txt");
      Process process = launch(dir, output,
        "-conf", "{\"host\": \"127.0.0.1\", \"ircPort\": 0, \"port\": " + taken.getLocalPort() + ", \"webEnabled\": false}");
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      String text = Files.readString(output);
      assertEquals(ExitCodes.VERTX_DEPLOYMENT, process.exitValue(), text);
      assertTrue(text.contains("Address already in use"), text);
      assertFalse(text.contains("vchat stopped"), text); // it never started
    }
  }

  @Test
  void confAndInstancesWorkAsInVertxRun(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    Path output = dir.resolve("out.txt");
    launch(dir, output, "-conf", "{\"host\": \"127.0.0.1\", \"ircPort\": 0, \"port\": " + port + ", \"webPort\": 0}", "-instances", "3");
    String log = ProcessOutput.await(output, "vchat started");
    // the fat jar carries Netty's epoll and io_uring transports for Linux x86_64; auto takes epoll
    assertTrue(log.contains("chat on tcp 127.0.0.1:" + port + " (3 instances, " + NetTransport.AUTO.resolve().name() + ")"), log);
    try (TestUser ann = TestUser.join(port, "ann"); TestUser bob = TestUser.join(port, "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      bob.send("hi");
      ann.expect("[" + bob.addr() + "]bob:hi");
    }
    ProcessOutput.await(output, "leave ann");
  }

  @Test
  void withPortZeroTheStartLineNamesThePortActuallyBound(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    launch(dir, output, "-conf", "{\"host\": \"127.0.0.1\", \"ircPort\": 0, \"port\": 0, \"webPort\": 0}");
    String log = ProcessOutput.await(output, "vchat started");
    java.util.regex.Matcher ports = java.util.regex.Pattern
      .compile("chat on tcp 127\\.0\\.0\\.1:(\\d+) .*browser chat on http 127\\.0\\.0\\.1:(\\d+)").matcher(log);
    assertTrue(ports.find(), log);
    int port = Integer.parseInt(ports.group(1));
    assertTrue(port > 0 && Integer.parseInt(ports.group(2)) > 0, log);
    try (TestUser ann = TestUser.join(port)) {
      ann.send("hi");
      ann.expect("[" + ann.addr() + "]" + ann.addr() + ":hi");
    }
  }

  /** Each transport the config offers carries a chat; where io_uring is not allowed the server says it fell back. */
  @Test
  void theChatRunsOnIoUring(@TempDir Path dir) throws Exception {
    chatOnTransport("io_uring", dir);
  }

  @Test
  void theChatRunsOnJavaNio(@TempDir Path dir) throws Exception {
    chatOnTransport("nio", dir);
  }

  private void chatOnTransport(String transport, Path dir) throws Exception {
    int port = ChatServer.freePort();
    Path output = dir.resolve("out.txt");
    launch(dir, output, "-conf", "{\"host\": \"127.0.0.1\", \"ircPort\": 0, \"port\": " + port + ", \"webEnabled\": false, \"transport\": \"" + transport + "\"}");
    String log = ProcessOutput.await(output, "vchat started");
    String resolved = NetTransport.fromCode(transport).orElseThrow().resolve().name();
    assertTrue(log.contains(" instances, " + resolved + ")"), log);
    try (TestUser ann = TestUser.join(port, "ann"); TestUser bob = TestUser.join(port, "bob")) {
      ann.awaitLine("[" + bob.addr() + "]" + bob.addr() + ":is now bob");
      bob.send("to ann psst");
      ann.expect("bob to you: psst");
      bob.send("hi");
      ann.expect("[" + bob.addr() + "]bob:hi");
    }
  }

  @Test
  void withoutConfTheWorkingDirectorysConfigJsonIsUsed(@TempDir Path dir) throws Exception {
    int port = ChatServer.freePort();
    Files.writeString(dir.resolve("config.json"), "{\"host\": \"127.0.0.1\", \"ircPort\": 0, \"port\": " + port + ", \"language\": \"zh\", \"webEnabled\": false}");
    Path output = dir.resolve("out.txt");
    launch(dir, output);
    ProcessOutput.await(output, "vchat started");
    try (TestUser ann = TestUser.connect(port)) {
      ann.expect("[" + ann.addr() + "]" + ann.addr() + ":已上线");
    }
  }

  @Test
  void helpListsTheLauncherOptions(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    Process process = launch(dir, output, "-h");
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String text = Files.readString(output);
    assertEquals(0, process.exitValue(), text);
    assertTrue(text.contains("-conf") && text.contains("-cluster") && text.contains("-instances"), text);
  }
}
