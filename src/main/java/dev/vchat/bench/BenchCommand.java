package dev.vchat.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar chat.jar bench [options]}: measures a running chat server over real sockets
 * (docs/PERFORMANCE.md). Also {@code bench --blast-server}: a trivial relay to measure the
 * generator itself against.
 */
@Command(
  name = "chat.jar bench",
  mixinStandardHelpOptions = true,
  sortOptions = false,
  description = {
    "Connects N users to a chat server on this machine, waits for the join storm to settle,",
    "has S of them send numbered, timestamped messages, and reports deliveries per second,",
    "latency percentiles, lost and reordered messages, its own CPU use and (with --server-pid)",
    "the server's memory per connection."
  })
public final class BenchCommand implements Callable<Integer> {

  static final int MAX_USERS = 60_000;
  static final int MAX_SECONDS = 3_600;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "server host, a loopback address (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8888", description = "server TCP port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--ports", split = ",", description = "several server ports (the nodes of a cluster, or one node's): "
    + "users are spread over them round-robin; replaces --port")
  List<Integer> ports;

  @Option(names = "--protocol", defaultValue = "chat", description = "chat (the chat's line protocol) or irc "
    + "(NICK/USER, JOIN #lobby, PRIVMSG #lobby or PRIVMSG NICK) (default: ${DEFAULT-VALUE})")
  Protocol protocol;

  @Option(names = {"-n", "--users"}, defaultValue = "1000", description = "connections to open (default: ${DEFAULT-VALUE})")
  int users;

  @Option(names = {"-s", "--senders"}, defaultValue = "10", description = "how many of the users send (default: ${DEFAULT-VALUE})")
  int senders;

  @Option(names = {"-r", "--rate"}, defaultValue = "0", description = "messages per second per sender; 0 = flat out (default: ${DEFAULT-VALUE})")
  int rate;

  @Option(names = {"-m", "--messages"}, defaultValue = "1000", description = "messages per sender; 0 = bounded by --duration only (default: ${DEFAULT-VALUE})")
  long messages;

  @Option(names = {"-d", "--duration"}, defaultValue = "0", description = "seconds the senders send at most; 0 = bounded by --messages only (default: ${DEFAULT-VALUE})")
  int durationSeconds;

  @Option(names = "--size", defaultValue = "64", description = "bytes of chat text per message, header included (default: ${DEFAULT-VALUE})")
  int size;

  @Option(names = "--warmup", defaultValue = "0", description = "seconds of sending left out of the latency figures (default: ${DEFAULT-VALUE})")
  double warmupSeconds;

  @Option(names = "--private", description = "senders send private messages (to NAME TEXT) round-robin to the others instead of broadcasts")
  boolean privateMessages;

  @Option(names = "--slow-readers", defaultValue = "0", description = "users (not senders) that stop reading before the senders start (default: ${DEFAULT-VALUE})")
  int slowReaders;

  @Option(names = "--quiet-ms", defaultValue = "1000", description = "the join storm has settled after this long without a line (default: ${DEFAULT-VALUE})")
  int quietMillis;

  @Option(names = "--join-timeout", defaultValue = "180", description = "seconds to wait at most for connecting and the join storm (default: ${DEFAULT-VALUE})")
  int joinTimeoutSeconds;

  @Option(names = "--drain-ms", defaultValue = "5000", description = "after sending, stop waiting for deliveries after this long without one (default: ${DEFAULT-VALUE})")
  int drainMillis;

  @Option(names = "--source-ips", defaultValue = "0", description = "spread connections over 127.0.0.1..K; 0 = one address per 5,000 users (default: ${DEFAULT-VALUE})")
  int sourceIps;

  @Option(names = "--connect-concurrency", defaultValue = "128", description = "connection attempts in flight per event loop (default: ${DEFAULT-VALUE})")
  int connectConcurrency;

  @Option(names = "--event-loops", defaultValue = "0", description = "the generator's event loops; 0 = one per core (default: ${DEFAULT-VALUE})")
  int eventLoops;

  @Option(names = "--server-pid", defaultValue = "0", description = "the server's process id, to read its RSS and CPU from /proc")
  long serverPid;

  @Option(names = "--server-gc", description = "before each reading of the server's RSS, run a full GC in it (jcmd PID GC.run), "
    + "so the figure is live state rather than garbage the heap has not collected yet")
  boolean serverGc;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Option(names = "--blast-server", description = "instead: run a trivial relay on --host/--port that writes each batch of lines it reads, "
    + "pre-encoded once, to every connection, for --duration seconds (600 if 0)")
  boolean blastServer;

  /** The protocol the users speak. */
  enum Protocol { CHAT, IRC }

  /** Parses bench arguments (for tests and {@link #run}); throws picocli's exception on bad input. */
  static BenchCommand parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command;
  }

  public static int run(String[] args) {
    return new CommandLine(new BenchCommand())
      .setCaseInsensitiveEnumValuesAllowed(true)
      .setOut(new PrintWriter(System.out, true))
      .setErr(new PrintWriter(System.err, true))
      .execute(args);
  }

  @Override
  public Integer call() throws Exception {
    String problem = validate();
    if (problem != null) {
      System.err.println("bench: " + problem);
      return 64;
    }
    if (blastServer) {
      return BlastServer.run(host, port, durationSeconds == 0 ? 600 : durationSeconds);
    }
    BenchReport report = new Bench(this).run();
    System.out.println(json ? report.toJson().encodePrettily() : report.toTable());
    return 0;
  }

  /** The ports users connect to, round-robin: --ports, or --port alone. */
  List<Integer> serverPorts() {
    return ports == null || ports.isEmpty() ? List.of(port) : ports;
  }

  /** What is wrong with these options, or null. */
  String validate() {
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        return "--host must be a loopback address: the bench only measures a server on this machine";
      }
    } catch (UnknownHostException e) {
      return "unknown host " + host;
    }
    for (int p : serverPorts()) {
      if (p < 1 || p > 65535) {
        return "bad port " + p;
      }
    }
    if (blastServer && ports != null) {
      return "--blast-server listens on one --port";
    }

    if (users < 1 || users > MAX_USERS) {
      return "--users must be 1 to " + MAX_USERS;
    }
    if (senders < 0 || senders > users) {
      return "--senders must be 0 to --users";
    }
    if (slowReaders < 0 || senders + slowReaders > users) {
      return "--senders plus --slow-readers must not pass --users";
    }
    if (privateMessages && users - slowReaders < 2) {
      return "--private needs at least two users that read";
    }
    if (rate < 0 || messages < 0 || durationSeconds < 0 || durationSeconds > MAX_SECONDS) {
      return "--rate and --messages must not be negative; --duration is 0 to " + MAX_SECONDS;
    }
    if (senders > 0 && messages == 0 && durationSeconds == 0 && !blastServer) {
      return "give --messages or --duration (or both): the run must be bounded";
    }
    if (size < 40 || size > 4000) {
      return "--size must be 40 to 4000";
    }
    if (sourceIps < 0 || sourceIps > 254) {
      return "--source-ips must be 0 to 254";
    }
    if (connectConcurrency < 1 || quietMillis < 1 || drainMillis < 1 || joinTimeoutSeconds < 1 || eventLoops < 0 || warmupSeconds < 0) {
      return "--connect-concurrency, --quiet-ms, --drain-ms and --join-timeout must be positive";
    }
    return null;
  }
}
