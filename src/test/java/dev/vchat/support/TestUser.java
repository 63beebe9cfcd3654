package dev.vchat.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user on a real TCP socket, as {@code nc} would be: it writes lines and reads what the server
 * sends, line by line, on a reader thread of its own.
 */
public final class TestUser implements AutoCloseable {

  public static final Duration TIMEOUT = ReceivedLines.TIMEOUT;

  private final Socket socket;
  private final OutputStream out;
  private final ReceivedLines received = new ReceivedLines();
  private String initialName;
  private final String addr;

  private TestUser(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.addr = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    Thread reader = new Thread(this::readLoop, "test-user-" + socket.getLocalPort());
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects without waiting for anything. */
  public static TestUser connect(int port) {
    return connect("127.0.0.1", port);
  }

  /** Connects to a server on another address (a node in a network namespace) without waiting. */
  public static TestUser connect(String host, int port) {
    try {
      return new TestUser(new Socket(host, port));
    } catch (IOException e) {
      throw new AssertionError("cannot connect to " + host + ":" + port, e);
    }
  }

  /** Connects from another loopback address (127.0.0.2, ...), as a user on another machine would. */
  public static TestUser connectFrom(String localIp, int port) {
    try {
      Socket socket = new Socket();
      socket.bind(new java.net.InetSocketAddress(localIp, 0));
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      return new TestUser(socket);
    } catch (IOException e) {
      throw new AssertionError("cannot connect to port " + port + " from " + localIp, e);
    }
  }

  /** Connects and waits for its own online notice. */
  public static TestUser join(int port) {
    return join(connect(port));
  }

  /** {@link #join(String, int, String)} without the rename. */
  public static TestUser join(String host, int port) {
    return join(connect(host, port));
  }

  private static TestUser join(TestUser user) {
    String online = user.nextLine();
    // two connections to different nodes may get the same local port: the second one's
    // initial name is then IP:PORT-2 (README, protocol notes)
    if (!online.matches(java.util.regex.Pattern.quote("[" + user.addr() + "]" + user.addr()) + "(-\\d+)?:online")) {
      assertEquals("[" + user.addr() + "]" + user.addr() + ":online", online);
    }
    user.initialName = online.substring(online.indexOf(']') + 1, online.length() - ":online".length());
    return user;
  }

  /**
   * Connects, renames, and waits for the server's answer. Notices about others that arrive in
   * between (a user who joined just before, on another node) are skipped.
   */
  public static TestUser join(int port, String name) {
    return renamed(join(port), name);
  }

  /** As {@link #join(int, String)}, to a server on another address. */
  public static TestUser join(String host, int port, String name) {
    return renamed(join(host, port), name);
  }

  private static TestUser renamed(TestUser user, String name) {
    user.send("rename " + name);
    user.awaitLine("renamed to: " + name);
    return user;
  }

  /** The name the server gave on joining: {@link #addr()}, or with a -N suffix when taken. */
  public String initialName() {
    return initialName;
  }

  /** The remote address the server sees: {@code IP:PORT}. */
  public String addr() {
    return addr;
  }

  public TestUser send(String line) {
    Transcript.record("nc " + addr, true, line);
    return sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public TestUser sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new AssertionError("write failed", e);
    }
    return this;
  }

  /** The next line, failing after {@link #TIMEOUT}. */
  public String nextLine() {
    return received.next();
  }

  /** The next line if one arrives within {@code wait}, else null: for tests that watch several users at once. */
  public String nextLineWithin(Duration wait) {
    return received.nextWithin(wait);
  }

  public TestUser expect(String line) {
    assertEquals(line, nextLine());
    return this;
  }

  /** Skips lines until one matches; returns it. */
  public String awaitLine(Predicate<String> match) {
    return received.await(match);
  }

  public String awaitLine(String line) {
    return awaitLine(line::equals);
  }

  /** The lines that arrive within {@code quiet} of each other, in order. */
  public List<String> linesWithin(Duration quiet) {
    return received.within(quiet);
  }

  /** Waits until the server closes the connection, failing on any further line. */
  public void expectClosed() {
    received.expectEnd();
  }

  /** Waits until the server closes the connection, skipping lines. */
  public void awaitClosed() {
    received.awaitEnd();
  }

  public boolean closedByServer() {
    return received.closedByServer();
  }

  /** Closes abruptly, without quit. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void readLoop() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = socket.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            Transcript.record("nc " + addr, false, line.toString(StandardCharsets.UTF_8));
            received.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(buffer[i]);
          }
        }
      }
    } catch (IOException ignored) {
      // treated as the end of the stream
    }
    received.end();
  }
}
