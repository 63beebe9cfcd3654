package dev.vchat.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of a port: it forwards every connection both ways, unchanged,
 * and keeps a copy of the bytes the connecting side sent, as someone tapping the network between
 * two nodes would see them.
 */
final class RecordingRelay implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private RecordingRelay(int target) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    daemon(this::acceptLoop, "relay-accept-" + server.getLocalPort());
  }

  /** A relay to {@code 127.0.0.1:target}, listening on a free port. */
  static RecordingRelay to(int target) throws IOException {
    return new RecordingRelay(target);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every byte the connecting sides sent so far, connections one after the other. */
  byte[] recorded() {
    synchronized (sent) {
      return sent.toByteArray();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket in = server.accept();
        Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(in);
        sockets.add(out);
        daemon(() -> pump(in, out, true), "relay-up-" + in.getPort());
        daemon(() -> pump(out, in, false), "relay-down-" + in.getPort());
      }
    } catch (IOException closed) {
      // the relay is closed
    }
  }

  private void pump(Socket from, Socket to, boolean record) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (record) {
          synchronized (sent) {
            sent.write(buffer, 0, n);
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ended) {
      // one side closed: the other is closed below
    }
    try {
      from.close();
      to.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }
}
