package dev.vchat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A websocket handshake written by hand on a plain socket (so a test can set any header, and
 * open hundreds without a client library's pool): the status line of the answer, then masked
 * text frames out and whatever comes back until the server closes.
 */
final class RawWebSocket implements AutoCloseable {

  private final Socket socket;
  private final String status;

  private RawWebSocket(Socket socket, String status) {
    this.socket = socket;
    this.status = status;
  }

  /** Opens {@code path} on 127.0.0.1:{@code port} with these extra header lines ("Name: value"). */
  static RawWebSocket open(int port, String path, String... headers) {
    try {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
        .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      request.append("\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      return new RawWebSocket(socket, readHead(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer's status code: 101 when upgraded. */
  int status() {
    return Integer.parseInt(status.split(" ")[1]);
  }

  /** One masked text frame (under 126 bytes). */
  RawWebSocket sendText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    try {
      OutputStream out = socket.getOutputStream();
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Reads until the server closes the connection; false if it is still open after {@code millis}. */
  boolean awaitClosedByServer(long millis) {
    long deadline = System.currentTimeMillis() + millis;
    byte[] buffer = new byte[4096];
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        socket.setSoTimeout((int) Math.max(1, left));
        try {
          if (in.read(buffer) < 0) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          return false;
        }
      }
    } catch (IOException e) {
      return true; // reset: closed too
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    String text = head.toString();
    return text.isEmpty() ? "HTTP/1.1 000 closed" : text.substring(0, text.indexOf("\r\n"));
  }
}
