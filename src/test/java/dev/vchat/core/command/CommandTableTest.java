package dev.vchat.core.command;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class CommandTableTest {

  private final CommandTable table = CommandTable.standard();

  private void assertParsed(String line, Class<? extends Command> command, String args) {
    CommandTable.Invocation invocation = table.parse(line);
    assertInstanceOf(command, invocation.command(), line);
    assertEquals(args, invocation.args(), line);
  }

  @Test
  void wholeLineCommandsIgnoreSurroundingBlanks() {
    assertParsed("who", WhoCommand.class, "");
    assertParsed("  who \t", WhoCommand.class, "");
    assertParsed("help", HelpCommand.class, "");
    assertParsed(" quit ", QuitCommand.class, "");
  }

  @Test
  void prefixedCommandsTakeTheRestOfTheLine() {
    assertParsed("rename ann", RenameCommand.class, "ann");
    assertParsed("rename|ann", RenameCommand.class, "ann");
    assertParsed("to bob hi there", ToCommand.class, "bob hi there");
    assertParsed("to|bob|a|b", ToCommand.class, "bob|a|b");
  }

  @Test
  void everythingElseIsChat() {
    for (String chat : new String[] {"who am i", "WHO", "rename", "to", "tobob", " to bob x", "quit please", "helpful"}) {
      assertParsed(chat, ChatCommand.class, chat);
    }
  }
}
