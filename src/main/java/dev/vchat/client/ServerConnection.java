package dev.vchat.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * One TCP connection to the chat server: lines out as UTF-8 with LF, lines in on a reader thread
 * of its own (a CR before the LF is dropped). Plain blocking sockets: a terminal program has one
 * connection and a thread to spare, and needs no event loop.
 */
final class ServerConnection implements AutoCloseable {

  /** What the reader thread reports. Called on that thread, in order. */
  interface Listener {
    void line(String line);

    /** The server closed the connection, or reading failed ({@code failure} is then non-null). */
    void closed(IOException failure);
  }

  static final int CONNECT_TIMEOUT_MILLIS = 5000;

  private final Socket socket;
  private final OutputStream out;

  private ServerConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /** Connects, or throws {@link Unreachable} with a short reason. */
  static ServerConnection open(Endpoint endpoint) throws Unreachable {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MILLIS);
      return new ServerConnection(socket);
    } catch (IOException | IllegalArgumentException e) {
      closeQuietly(socket);
      throw new Unreachable(endpoint, reason(e));
    }
  }

  /** Starts the reader thread; {@code listener} hears every line, then the close. */
  void start(Listener listener) {
    Thread reader = new Thread(() -> readLoop(listener), "vchat-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends one line; the LF is added here. */
  synchronized void send(String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private void readLoop(Listener listener) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    IOException failure = null;
    try (InputStream in = socket.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            listener.line(decode(line));
            line.reset();
          } else {
            line.write(buffer[i]);
          }
        }
      }
    } catch (IOException e) {
      failure = socket.isClosed() ? null : e;
    }
    listener.closed(failure);
  }

  private static String decode(ByteArrayOutputStream bytes) {
    String line = bytes.toString(StandardCharsets.UTF_8);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String reason(Exception e) {
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SocketTimeoutException) {
      return "no answer within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s";
    }
    if (e instanceof ConnectException && e.getMessage() != null) {
      // "Connection refused" and friends; the JDK may append " (Connection refused)"
      return e.getMessage().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** The server could not be reached. */
  static final class Unreachable extends Exception {
    Unreachable(Endpoint endpoint, String reason) {
      super("cannot connect to " + endpoint + ": " + reason);
    }
  }
}
