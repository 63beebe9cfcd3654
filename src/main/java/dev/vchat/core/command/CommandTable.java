package dev.vchat.core.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which command a line is: {@code who}, {@code help} and {@code quit} when they are the whole
 * line (blanks around them ignored); {@code rename} and {@code to} when the line starts with the
 * word and a space or '|'; chat for everything else.
 */
public final class CommandTable {

  /** A parsed line: the command to run and its arguments. */
  public record Invocation(Command command, String args) {
  }

  private final Map<String, Command> wholeLine = new LinkedHashMap<>();
  private final Map<String, Command> prefixed = new LinkedHashMap<>();
  private final Command fallback;

  private CommandTable(Command fallback) {
    this.fallback = fallback;
  }

  public static CommandTable standard() {
    CommandTable table = new CommandTable(new ChatCommand());
    table.wholeLine.put("who", new WhoCommand());
    table.wholeLine.put("help", new HelpCommand());
    table.wholeLine.put("quit", new QuitCommand());
    Command rename = new RenameCommand();
    table.prefixed.put("rename ", rename);
    table.prefixed.put("rename|", rename);
    table.prefixed.put("to ", new ToCommand(ToCommand.Syntax.SPACED));
    table.prefixed.put("to|", new ToCommand(ToCommand.Syntax.PIPED));
    return table;
  }

  public Invocation parse(String line) {
    Command whole = wholeLine.get(line.strip());
    if (whole != null) {
      return new Invocation(whole, "");
    }
    for (Map.Entry<String, Command> prefix : prefixed.entrySet()) {
      if (line.startsWith(prefix.getKey())) {
        return new Invocation(prefix.getValue(), line.substring(prefix.getKey().length()));
      }
    }
    return new Invocation(fallback, line);
  }
}
