package dev.vchat.client;

import dev.vchat.core.Language;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The tutorial's menu: 1 public chat, 2 private chat, 3 rename, 4 rooms, 0 exit, in the server's
 * language (or the one {@code --lang} names). A bad choice asks again; end of input (Ctrl-D,
 * Ctrl-C) at any prompt leaves the client.
 */
final class Menu implements UserLoop {

  static final Duration REPLY_WAIT = Duration.ofSeconds(3);
  /** How long the server's first line may take to tell its language before the menu is shown. */
  static final Duration LANGUAGE_WAIT = Duration.ofSeconds(3);
  /** Silence that ends a several-line answer (the rooms list, the history after a join). */
  static final Duration SETTLE = Duration.ofMillis(200);

  private final Language language;
  private MenuTexts texts = MenuTexts.EN;

  /** {@code language} null: follow the server's. */
  Menu(Language language) {
    this.language = language;
  }

  @Override
  public void run(UserConsole console, ClientSession session) {
    texts = MenuTexts.of(language != null ? language : session.awaitLanguage(LANGUAGE_WAIT));
    while (!session.ended()) {
      console.show(texts.menu());
      String choice = console.readLine(texts.choose());
      if (choice == null) {
        break;
      }
      boolean more = switch (choice.strip()) {
        case "1" -> publicChat(console, session);
        case "2" -> privateChat(console, session);
        case "3" -> rename(console, session);
        case "4" -> rooms(console, session);
        case "0" -> false;
        default -> {
          console.show(texts.badChoice(choice.strip()));
          yield true;
        }
      };
      if (!more) {
        break;
      }
    }
    session.leave();
  }

  /** 1: every line goes to everyone in the user's room until {@code exit}. False when the user left the client. */
  private boolean publicChat(UserConsole console, ClientSession session) {
    console.show(texts.publicIntro(session.room()));
    while (!session.ended()) {
      String line = console.readLine(texts.publicPrompt(session.room()));
      if (line == null) {
        return false;
      }
      if (line.strip().equals(MenuTexts.EXIT)) {
        return true;
      }
      if (ServerLines.isJoin(line)) {
        // the next prompt names the new room: wait for the server to say which it is
        join(console, session, line);
      } else if (!line.isBlank()) {
        session.send(line);
      }
    }
    return false;
  }

  /**
   * 2: shows who is online in the user's room (the server's {@code who}), asks a name (anyone
   * online, in any room), sends private lines to it until {@code exit}.
   */
  private boolean privateChat(UserConsole console, ClientSession session) {
    console.show(texts.onlineNow(session.room()));
    session.send("who");
    String name = "";
    while (name.isEmpty()) {
      String typed = console.readLine(texts.toWhom());
      if (typed == null) {
        return false;
      }
      name = typed.strip();
    }
    if (name.equals(MenuTexts.EXIT)) {
      return true;
    }
    String to = name;
    console.show(texts.privateIntro(to));
    return chatUntilExit(console, session, to + "> ", line -> "to " + to + " " + line);
  }

  /** 3: asks a name, sends {@code rename NAME}, shows the server's answer. */
  private boolean rename(UserConsole console, ClientSession session) {
    String name = console.readLine(texts.newName());
    if (name == null) {
      return false;
    }
    if (!name.isBlank()) {
      session.send("rename " + name.strip());
      // the answer is shown as it arrives; wait for it so it comes before the menu
      if (session.awaitReply(REPLY_WAIT) == null && !session.ended()) {
        console.show(texts.noAnswer());
      }
    }
    return true;
  }

  /**
   * 4: shows the server's rooms ({@code #ROOM (N)}), asks which one to join ({@code #} optional),
   * sends {@code join #ROOM} and shows the answer ({@code you are in #ROOM} and the room's history).
   * An empty answer or {@code exit} goes back to the menu.
   */
  private boolean rooms(UserConsole console, ClientSession session) {
    console.show(texts.roomsNow());
    session.send("rooms");
    // the list is shown as it arrives; wait for it so the question comes after it
    if (session.awaitReply(ServerLines::answersRooms, REPLY_WAIT) == null) {
      if (!session.ended()) {
        console.show(texts.noAnswer());
      }
    } else {
      session.awaitQuiet(SETTLE);
    }
    String typed = console.readLine(texts.joinWhich());
    if (typed == null) {
      return false;
    }
    String room = typed.strip();
    if (!room.isEmpty() && !room.equals(MenuTexts.EXIT)) {
      join(console, session, "join " + ServerLines.roomName(room));
    }
    return true;
  }

  /** Sends a join and waits for its answer and the history after it, so they come before the next prompt. */
  private void join(UserConsole console, ClientSession session, String line) {
    session.send(line);
    String answer = session.awaitReply(ServerLines::answersJoin, REPLY_WAIT);
    if (answer == null) {
      if (!session.ended()) {
        console.show(texts.noAnswer());
      }
    } else if (ServerLines.enteredRoom(answer).isPresent()) {
      session.awaitQuiet(SETTLE);
    }
  }

  private boolean chatUntilExit(UserConsole console, ClientSession session, String prompt,
                                UnaryOperator<String> toLine) {
    while (!session.ended()) {
      String line = console.readLine(prompt);
      if (line == null) {
        return false;
      }
      if (line.strip().equals(MenuTexts.EXIT)) {
        return true;
      }
      if (!line.isBlank()) {
        session.send(toLine.apply(line));
      }
    }
    return false;
  }
}
