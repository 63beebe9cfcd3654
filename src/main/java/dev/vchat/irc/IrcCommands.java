package dev.vchat.irc;

import dev.vchat.core.command.Command;
import dev.vchat.core.command.CommandTable;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;

/**
 * The IRC command table (as ergo's irc/commands.go): verb -> handler and its minimum number of
 * parameters, checked here once (461); an unknown verb gets 421. Each line becomes one core
 * {@link Command}, so it runs in the session like any chat line.
 */
final class IrcCommands {

  private record Entry(IrcHandler handler, int minParams) {
  }

  private final Map<String, Entry> table = new HashMap<>();

  static IrcCommands standard() {
    IrcCommands commands = new IrcCommands();
    ServerCommands.register(commands);
    ChannelCommands.register(commands);
    MessageCommands.register(commands);
    UserCommands.register(commands);
    UserModes.register(commands);
    return commands;
  }

  void add(String verb, int minParams, IrcHandler handler) {
    table.put(verb, new Entry(handler, minParams));
  }

  /** The line of {@code client} as a command for its session. */
  CommandTable.Invocation parse(IrcClient client, String line) {
    IrcMessage message = IrcMessage.parse(line);
    return new CommandTable.Invocation((session, ignored) -> run(client, message), "");
  }

  private Future<Void> run(IrcClient client, IrcMessage message) {
    if (message == null) {
      return Future.succeededFuture();
    }
    Entry entry = table.get(message.verb());
    if (entry == null) {
      client.reply(Numerics.ERR_UNKNOWNCOMMAND, message.verb(), "Unknown command");
      return Future.succeededFuture();
    }
    if (message.params().size() < entry.minParams()) {
      client.reply(Numerics.ERR_NEEDMOREPARAMS, message.verb(), "Not enough parameters");
      return Future.succeededFuture();
    }
    return entry.handler().handle(client, message);
  }
}
