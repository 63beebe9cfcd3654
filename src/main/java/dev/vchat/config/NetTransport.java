package dev.vchat.config;

import io.vertx.core.Vertx;
import io.vertx.core.impl.transports.TransportInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;

import java.util.Arrays;
import java.util.Optional;

/**
 * The network transport Vert.x runs on, by its config name. The native ones are Netty's, shipped
 * in the fat jar for Linux x86_64; where the one asked for is not available (another OS or CPU,
 * or io_uring forbidden by a container's seccomp profile) the server falls back, in this order,
 * to the next one that is, down to Java NIO, and says so in its start line.
 */
public enum NetTransport {
  /** epoll on Linux (kqueue on macOS when its Netty library is added), else NIO. */
  AUTO("auto"),
  EPOLL("epoll"),
  IO_URING("io_uring"),
  NIO("nio");

  private final String code;

  NetTransport(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<NetTransport> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  /** The Vert.x transport to build with: the one asked for if available, else the next; never null. */
  public Transport resolve() {
    return switch (this) {
      case NIO -> Transport.NIO;
      case IO_URING -> firstAvailable(Transport.IO_URING, Transport.EPOLL);
      case EPOLL -> firstAvailable(Transport.EPOLL, Transport.IO_URING);
      case AUTO -> firstAvailable(Transport.nativeTransport());
    };
  }

  /** Vert.x's name ("epoll", "io_uring", "kqueue", "nio") of the transport {@code vertx} runs on. */
  public static String nameOf(Vertx vertx) {
    // internal: Vert.x 5.0.7's public API says only whether a transport is native (isNativeTransportEnabled), not which
    Class<?> running = ((VertxInternal) vertx).transport().getClass();
    for (Transport transport : new Transport[] {Transport.EPOLL, Transport.IO_URING, Transport.KQUEUE}) {
      if (transport instanceof TransportInternal known && known.implementation() != null
        && known.implementation().getClass() == running) {
        return transport.name();
      }
    }
    return Transport.NIO.name();
  }

  private static Transport firstAvailable(Transport... candidates) {
    for (Transport candidate : candidates) {
      if (candidate != null && candidate.available()) {
        return candidate;
      }
    }
    return Transport.NIO;
  }
}
