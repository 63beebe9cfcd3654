package dev.vchat.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two Linux network namespaces, "a" and "b", made with {@code ip} (iproute2; needs root): one veth
 * link between them that carries the cluster's traffic (Hazelcast and the event bus) and can be
 * cut and restored, and one veth link from each to the test's own namespace that carries its
 * users' connections and is never cut. Neither namespace forwards, so with the cluster link down
 * the two nodes cannot reach each other at all, as with a cable pulled between two machines.
 *
 * <pre>
 *   test (users) 10.N.1.1 ── 10.N.1.2  [a]  10.N.0.1 ══ cluster link ══ 10.N.0.2  [b]  10.N.2.2 ── 10.N.2.1 test (users)
 * </pre>
 *
 * {@link #close()} deletes both namespaces (and so every link), whatever state they are in.
 */
final class SplitNetwork implements AutoCloseable {

  private final String prefix;
  private final int net;
  private final List<String> namespaces = new ArrayList<>();

  private SplitNetwork() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.prefix = "vc" + Integer.toHexString(random.nextInt(0x1000, 0x10000)).toLowerCase(Locale.ROOT);
    this.net = random.nextInt(100, 250); // 10.N.x.x: unlikely to clash with a leftover of a killed run
  }

  /** Makes both namespaces and their links, all up; deletes what it made if a step fails. */
  static SplitNetwork create() throws Exception {
    SplitNetwork network = new SplitNetwork();
    try {
      network.build();
      return network;
    } catch (Exception | AssertionError e) {
      network.close();
      throw e;
    }
  }

  private void build() throws Exception {
    for (String side : List.of("a", "b")) {
      ip("netns", "add", namespace(side));
      namespaces.add(namespace(side));
      ip("-n", namespace(side), "link", "set", "lo", "up");
    }
    ip("link", "add", clusterDevice("a"), "type", "veth", "peer", "name", clusterDevice("b"));
    for (String side : List.of("a", "b")) {
      ip("link", "set", clusterDevice(side), "netns", namespace(side));
      ip("-n", namespace(side), "addr", "add", clusterAddress(side) + "/24", "dev", clusterDevice(side));
      ip("-n", namespace(side), "link", "set", clusterDevice(side), "up");
      String inside = prefix + side + "u";
      String outside = prefix + side + "t";
      ip("link", "add", inside, "type", "veth", "peer", "name", outside);
      ip("link", "set", inside, "netns", namespace(side));
      ip("-n", namespace(side), "addr", "add", userAddress(side) + "/24", "dev", inside);
      ip("-n", namespace(side), "link", "set", inside, "up");
      ip("addr", "add", "10." + net + "." + subnet(side) + ".1/24", "dev", outside);
      ip("link", "set", outside, "up");
    }
  }

  /** The namespace of side "a" or "b". */
  String namespace(String side) {
    return prefix + side;
  }

  /** Where side's node binds Hazelcast and the event bus: its end of the cluster link. */
  String clusterAddress(String side) {
    return "10." + net + ".0." + ("a".equals(side) ? 1 : 2);
  }

  /** Where side's node serves its users, reachable from the test's namespace. */
  String userAddress(String side) {
    return "10." + net + "." + subnet(side) + ".2";
  }

  /** Cuts the cluster link: both ends down, nothing crosses, neither side is told anything. */
  void cut() throws Exception {
    ip("-n", namespace("a"), "link", "set", clusterDevice("a"), "down");
    ip("-n", namespace("b"), "link", "set", clusterDevice("b"), "down");
  }

  /** Restores the cluster link. */
  void restore() throws Exception {
    ip("-n", namespace("a"), "link", "set", clusterDevice("a"), "up");
    ip("-n", namespace("b"), "link", "set", clusterDevice("b"), "up");
  }

  /** The command line that runs {@code command} inside side's namespace. */
  List<String> inside(String side, List<String> command) {
    List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace(side)));
    line.addAll(command);
    return line;
  }

  @Override
  public void close() {
    for (String namespace : namespaces) {
      try {
        ip("netns", "delete", namespace);
      } catch (Exception | AssertionError e) {
        System.err.println("could not delete network namespace " + namespace + ": " + e.getMessage());
      }
    }
    namespaces.clear();
  }

  private String clusterDevice(String side) {
    return prefix + side + "c";
  }

  private static int subnet(String side) {
    return "a".equals(side) ? 1 : 2;
  }

  private static void ip(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
    }
  }
}
