package dev.vchat.core.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which command a line is: {@code who}, {@code help}, {@code quit} and {@code rooms} when they
 * are the whole line (blanks around them ignored); {@code history} alone or with a number;
 * {@code rename} and {@code to} when the line starts with the word and a space or '|';
 * {@code join} likewise, but only when what follows starts with '#' ({@code join us tonight} is
 * chat); chat for everything else.
 */
public final class CommandTable implements LineParser {

  /** A parsed line: the command to run and its arguments. */
  public record Invocation(Command command, String args) {
  }

  /** A command the line starts with, when its arguments pass {@code accepts}. */
  private record Prefixed(String prefix, Command command, Predicate<String> accepts) {
  }

  /** A command the whole line matches; its arguments are the pattern's group 1 (or ""). */
  private record Patterned(Pattern pattern, Command command) {
  }

  private final Map<String, Command> wholeLine = new LinkedHashMap<>();
  private final List<Prefixed> prefixed = new ArrayList<>();
  private final List<Patterned> patterned = new ArrayList<>();
  private final Command fallback;

  private CommandTable(Command fallback) {
    this.fallback = fallback;
  }

  public static CommandTable standard() {
    CommandTable table = new CommandTable(new ChatCommand());
    table.wholeLine.put("who", new WhoCommand());
    table.wholeLine.put("help", new HelpCommand());
    table.wholeLine.put("quit", new QuitCommand());
    table.wholeLine.put("rooms", new RoomsCommand());
    table.patterned.add(new Patterned(Pattern.compile("history(?:[ \\t]+(\\d+))?"), new HistoryCommand()));
    Command rename = new RenameCommand();
    table.prefixed.add(new Prefixed("rename ", rename, args -> true));
    table.prefixed.add(new Prefixed("rename|", rename, args -> true));
    table.prefixed.add(new Prefixed("to ", new ToCommand(ToCommand.Syntax.SPACED), args -> true));
    table.prefixed.add(new Prefixed("to|", new ToCommand(ToCommand.Syntax.PIPED), args -> true));
    Command join = new JoinRoomCommand();
    Predicate<String> aRoom = args -> args.stripLeading().startsWith("#");
    table.prefixed.add(new Prefixed("join ", join, aRoom));
    table.prefixed.add(new Prefixed("join|", join, aRoom));
    return table;
  }

  @Override
  public Invocation parse(String line) {
    String whole = line.strip();
    Command command = wholeLine.get(whole);
    if (command != null) {
      return new Invocation(command, "");
    }
    for (Patterned entry : patterned) {
      Matcher matcher = entry.pattern().matcher(whole);
      if (matcher.matches()) {
        return new Invocation(entry.command(), matcher.group(1) == null ? "" : matcher.group(1));
      }
    }
    for (Prefixed entry : prefixed) {
      if (line.startsWith(entry.prefix())) {
        String args = line.substring(entry.prefix().length());
        if (entry.accepts().test(args)) {
          return new Invocation(entry.command(), args);
        }
      }
    }
    return new Invocation(fallback, line);
  }
}
