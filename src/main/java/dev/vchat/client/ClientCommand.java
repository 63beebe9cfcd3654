package dev.vchat.client;

import dev.vchat.core.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code java -jar chat.jar client [-ip HOST -port PORT | --host HOST --port PORT] [--lang en|zh] [--no-menu]}:
 * the terminal client's arguments (picocli also gives {@code --help} and {@code --version}).
 */
@Command(
  name = "chat.jar client",
  mixinStandardHelpOptions = true,
  versionProvider = VersionProvider.class,
  exitCodeOnInvalidInput = ExitCodes.USAGE,
  description = {
    "Connects to a vchat server and shows the menu: 1 public chat, 2 private chat, 3 rename, 4 rooms, 0 exit,",
    "in the server's language (English, or the tutorial's Chinese for a server with \"language\": \"zh\").",
    "With --no-menu, every line of standard input is sent as typed and the server's lines are printed."
  },
  exitCodeListHeading = "%nExit codes:%n",
  exitCodeList = {
    "0:left (menu 0, exit, end of input, Ctrl-D, Ctrl-C, quit) or kicked for idling",
    "1:connection lost",
    "2:server unreachable",
    "64:bad arguments"
  })
public final class ClientCommand implements Callable<Integer> {

  @Option(names = {"--host", "-ip"}, paramLabel = "HOST", defaultValue = "127.0.0.1",
    description = "server host (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = {"--port", "-port"}, paramLabel = "PORT", defaultValue = "8888",
    description = "server TCP port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--lang", paramLabel = "LANG",
    description = "the menu's language, en or zh (default: the server's, from its first line)")
  String lang;

  @Option(names = "--no-menu",
    description = "non-interactive: send each input line as typed, print what the server sends, "
      + "quit at end of input")
  boolean noMenu;

  private final ClientIo io;

  ClientCommand(ClientIo io) {
    this.io = io;
  }

  /** Runs the client with the process's own streams; returns the exit code. */
  public static int run(String[] args) {
    return run(args, ClientIo.system());
  }

  static int run(String[] args, ClientIo io) {
    return new CommandLine(new ClientCommand(io))
      .setOut(new java.io.PrintWriter(io.out(), true))
      .setErr(new java.io.PrintWriter(io.err(), true))
      .execute(args);
  }

  @Override
  public Integer call() {
    if (port < 1 || port > 65535) {
      io.err().println("vchat: bad port " + port + ": use 1 to 65535");
      return ExitCodes.USAGE;
    }
    Language language = null;
    if (lang != null) {
      language = Language.fromCode(lang).orElse(null);
      if (language == null) {
        io.err().println("vchat: bad language " + lang + ": use en or zh");
        return ExitCodes.USAGE;
      }
    }
    return new ChatClient(new Endpoint(host, port), io, noMenu ? new Passthrough() : new Menu(language)).run();
  }
}
