package dev.vchat.client;

import java.time.Duration;

/**
 * The tutorial's menu: 1 public chat, 2 private chat, 3 rename, 0 exit. A bad choice asks again;
 * end of input (Ctrl-D, Ctrl-C) at any prompt leaves the client.
 */
final class Menu implements UserLoop {

  static final String EXIT = "exit";
  static final String MENU = String.join("\n",
    "1 public chat   2 private chat   3 rename   0 exit");
  static final String CHOOSE = "choice> ";
  static final Duration REPLY_WAIT = Duration.ofSeconds(3);

  @Override
  public void run(UserConsole console, ClientSession session) {
    while (!session.ended()) {
      console.show(MENU);
      String choice = console.readLine(CHOOSE);
      if (choice == null) {
        break;
      }
      boolean more = switch (choice.strip()) {
        case "1" -> publicChat(console, session);
        case "2" -> privateChat(console, session);
        case "3" -> rename(console, session);
        case "0" -> false;
        default -> {
          console.show("no such choice: " + choice.strip() + " (type 1, 2, 3 or 0)");
          yield true;
        }
      };
      if (!more) {
        break;
      }
    }
    session.leave();
  }

  /** 1: every line goes to everyone until {@code exit}. False when the user left the client. */
  private boolean publicChat(UserConsole console, ClientSession session) {
    console.show("public chat: every line goes to everyone; type exit to go back");
    return chatUntilExit(console, session, "all> ", line -> line);
  }

  /** 2: shows who is online, asks a name, sends private lines to it until {@code exit}. */
  private boolean privateChat(UserConsole console, ClientSession session) {
    console.show("online now:");
    session.send("who");
    String name = "";
    while (name.isEmpty()) {
      String typed = console.readLine("to whom? ");
      if (typed == null) {
        return false;
      }
      name = typed.strip();
    }
    if (name.equals(EXIT)) {
      return true;
    }
    String to = name;
    console.show("private chat with " + to + "; type exit to go back");
    return chatUntilExit(console, session, to + "> ", line -> "to " + to + " " + line);
  }

  /** 3: asks a name, sends {@code rename NAME}, shows the server's answer. */
  private boolean rename(UserConsole console, ClientSession session) {
    String name = console.readLine("new name: ");
    if (name == null) {
      return false;
    }
    if (!name.isBlank()) {
      session.send("rename " + name.strip());
      // the answer is shown as it arrives; wait for it so it comes before the menu
      if (session.awaitReply(REPLY_WAIT) == null && !session.ended()) {
        console.show("no answer from the server yet");
      }
    }
    return true;
  }

  private boolean chatUntilExit(UserConsole console, ClientSession session, String prompt,
                                java.util.function.UnaryOperator<String> toLine) {
    while (!session.ended()) {
      String line = console.readLine(prompt);
      if (line == null) {
        return false;
      }
      if (line.strip().equals(EXIT)) {
        return true;
      }
      if (!line.isBlank()) {
        session.send(toLine.apply(line));
      }
    }
    return false;
  }
}
