package dev.vchat.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the Linux kernel holds for one TCP connection, read from /proc/net/tcp and tcp6: its state and
 * how many bytes wait in its queues. Tests use it to see what a user's socket cannot show:
 * whether the server reads, and whether a dropped connection is really gone.
 */
public final class KernelSockets {

  /** One socket as the kernel lists it; {@code state} is the kernel's code (01 = ESTABLISHED). */
  public record Entry(int localPort, int remotePort, String state, long sendQueue, long receiveQueue) {
    public boolean established() {
      return "01".equals(state);
    }
  }

  private KernelSockets() {
  }

  /** The socket whose local port is {@code localPort} and whose peer's port is {@code remotePort}, if any. */
  public static Optional<Entry> find(int localPort, int remotePort) {
    return entries().stream().filter(e -> e.localPort == localPort && e.remotePort == remotePort).findFirst();
  }

  /** IPv4 sockets, and the IPv6 ones (Java's sockets are IPv6 with mapped addresses where it can). */
  private static List<Entry> entries() {
    return Stream.of("/proc/net/tcp", "/proc/net/tcp6").map(Path::of).filter(Files::exists)
      .flatMap(KernelSockets::lines).map(KernelSockets::parse).toList();
  }

  private static Stream<String> lines(Path table) {
    try {
      return Files.readAllLines(table).stream().skip(1);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + table, e);
    }
  }

  // "  3: 0100007F:22B8 0100007F:D5A2 01 00000000:00001A2B ..." (tcp6: longer addresses, same columns)
  private static Entry parse(String line) {
    String[] f = line.trim().split("\\s+");
    String[] queues = f[4].split(":");
    return new Entry(port(f[1]), port(f[2]), f[3], Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16));
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
  }
}
