package dev.vchat.client;

/**
 * {@code --no-menu}: every line the user types goes to the server as typed, blank lines
 * excepted; at end of input the session leaves (quit, then the server's last lines, then close).
 */
final class Passthrough implements UserLoop {

  @Override
  public void run(UserConsole console, ClientSession session) {
    String line;
    while (!session.ended() && (line = console.readLine("")) != null) {
      if (!line.isBlank()) {
        session.send(line);
      }
    }
    session.leave();
  }
}
