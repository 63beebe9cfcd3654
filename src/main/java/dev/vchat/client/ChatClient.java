package dev.vchat.client;

/**
 * Connects, opens the console (JLine on a real terminal, plain streams otherwise), runs the
 * user's loop on a thread of its own and returns the exit code once the session ends.
 */
final class ChatClient {

  private final Endpoint endpoint;
  private final ClientIo io;
  private final UserLoop loop;

  ChatClient(Endpoint endpoint, ClientIo io, UserLoop loop) {
    this.endpoint = endpoint;
    this.io = io;
    this.loop = loop;
  }

  int run() {
    ServerConnection connection;
    try {
      connection = ServerConnection.open(endpoint);
    } catch (ServerConnection.Unreachable e) {
      io.err().println("vchat: " + e.getMessage());
      return ExitCodes.UNREACHABLE;
    }
    UserConsole console = io.terminal()
      ? JLineConsole.open()
      : new PlainConsole(io.in(), io.out(), io.err(), loop instanceof Menu);
    // Ctrl-C outside a prompt, or a kill: still close the socket and give the terminal back
    Thread cleanup = new Thread(() -> {
      connection.close();
      console.close();
    }, "vchat-client-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      ClientSession session = new ClientSession(endpoint, connection, console);
      session.start();
      // the user's loop may block on input that never comes once the server is gone
      Thread user = new Thread(() -> loop.run(console, session), "vchat-client-input");
      user.setDaemon(true);
      user.start();
      return session.awaitExit();
    } finally {
      connection.close();
      console.close();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook runs anyway
      }
    }
  }
}
