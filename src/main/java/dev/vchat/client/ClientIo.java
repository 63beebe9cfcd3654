package dev.vchat.client;

import java.io.InputStream;
import java.io.PrintStream;

/** The client's standard streams, and whether they are a real terminal. */
record ClientIo(InputStream in, PrintStream out, PrintStream err, boolean terminal) {

  /** The process's own streams; a terminal when both stdin and stdout are one. */
  static ClientIo system() {
    return new ClientIo(System.in, System.out, System.err, System.console() != null);
  }
}
