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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An IRC client on a real socket, speaking raw lines: it writes CRLF-terminated lines and reads
 * the server's lines (without CRLF) on a reader thread of its own.
 */
public final class IrcTestUser implements AutoCloseable {

  public static final Duration TIMEOUT = ReceivedLines.TIMEOUT;

  private final Socket socket;
  private final OutputStream out;
  private final ReceivedLines received = new ReceivedLines();
  private final String addr;
  private String nick;

  private IrcTestUser(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.addr = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    Thread reader = new Thread(this::readLoop, "irc-test-user-" + socket.getLocalPort());
    reader.setDaemon(true);
    reader.start();
  }

  public static IrcTestUser connect(int port) {
    try {
      return new IrcTestUser(new Socket("127.0.0.1", port));
    } catch (IOException e) {
      throw new AssertionError("cannot connect to IRC port " + port, e);
    }
  }

  /** Connects, registers as {@code nick} (CAP LS 302 ... CAP END) and waits for the end of the MOTD. */
  public static IrcTestUser register(int port, String nick) {
    IrcTestUser user = connect(port);
    user.send("CAP LS 302").send("NICK " + nick).send("USER " + nick + " 0 * :" + nick + " the tester");
    user.awaitLine(l -> l.startsWith(":vchat CAP * LS"));
    user.send("CAP END");
    user.awaitLine(l -> l.startsWith(":vchat 001 " + nick + " "));
    user.awaitLine(l -> l.startsWith(":vchat 376 ") || l.startsWith(":vchat 422 "));
    user.nick = nick;
    return user;
  }

  /** {@link #register}, then waits for the automatic JOIN #lobby and its end of NAMES. */
  public static IrcTestUser joinLobby(int port, String nick) {
    IrcTestUser user = register(port, nick);
    user.awaitLine(":" + nick + "!chat@127.0.0.1 JOIN #lobby");
    user.awaitLine(l -> l.startsWith(":vchat 366 " + nick + " #lobby "));
    return user;
  }

  public String nick() {
    return nick;
  }

  /** The remote address the server sees: {@code IP:PORT}. */
  public String addr() {
    return addr;
  }

  /** {@code nick!chat@127.0.0.1}: how this user's lines are prefixed. */
  public String prefix() {
    return nick + "!chat@127.0.0.1";
  }

  public IrcTestUser send(String line) {
    try {
      Transcript.record("irc " + addr, true, line);
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
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

  public IrcTestUser expect(String line) {
    assertEquals(line, nextLine());
    return this;
  }

  /** The next line starts with {@code start}; returns it. */
  public String expectStart(String start) {
    String line = nextLine();
    assertTrue(line.startsWith(start), "expected a line starting with <" + start + "> but got <" + line + ">");
    return line;
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

  /** Waits until the server closes the connection, skipping lines. */
  public void awaitClosed() {
    received.awaitEnd();
  }

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
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            if (length == bytes.length) {
              received.add("MISSING CR: " + new String(bytes, StandardCharsets.UTF_8));
            } else {
              String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
              Transcript.record("irc " + addr, false, text);
              received.add(text);
            }
            line.reset();
          } else {
            line.write(buffer[i]);
          }
        }
      }
    } catch (IOException ignored) {
      // the end of the stream
    }
    received.end();
  }
}
