package dev.vchat.client;

/** The client's exit codes, as docs/CLIENT.md lists them. */
public final class ExitCodes {

  /** Left on purpose: menu 0, end of input, Ctrl-D, Ctrl-C, {@code quit}, or kicked for idling. */
  public static final int OK = 0;
  /** The connection was lost: the server closed it unasked, or a read or write failed. */
  public static final int CONNECTION_LOST = 1;
  /** The server could not be reached (refused, unknown host, timed out). */
  public static final int UNREACHABLE = 2;
  /** Bad command-line arguments (picocli's usage error; BSD's EX_USAGE). */
  public static final int USAGE = 64;

  private ExitCodes() {
  }
}
