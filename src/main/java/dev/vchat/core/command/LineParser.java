package dev.vchat.core.command;

/** What a user's line means: the command to run and its arguments. */
public interface LineParser {

  CommandTable.Invocation parse(String line);
}
