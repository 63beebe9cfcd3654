package dev.vchat.client;

import dev.vchat.core.Language;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client reads from the server's lines and the user's (PROTOCOL.md, "Rooms and history";
 * spec/ROOMS-SPEC.md): the server's language, the room the user was moved to, a join typed as chat.
 */
final class ServerLines {

  /** Where everyone starts. */
  static final String LOBBY = "#lobby";
  static final String ERROR_PREFIX = "error:";
  static final String HISTORY_PREFIX = "history: ";

  /** {@code [ADDR]NAME:online} (en) or {@code [ADDR]NAME:已上线} (zh): the line a newcomer gets first. */
  private static final Pattern ONLINE = Pattern.compile("\\[[^\\]]*\\].*:(online|已上线)");
  /** {@code you are in #ROOM} (en) or {@code 你已进入 #ROOM} (zh). */
  private static final Pattern ENTERED = Pattern.compile("(?:you are in |你已进入 )(#\\S+)");
  /** {@code #ROOM (N)}, one line of the answer to {@code rooms}. */
  private static final Pattern LISTED = Pattern.compile("#\\S+ \\(\\d+\\)");
  /** {@code join #ROOM} or {@code join|#ROOM}: a command only when the word after join starts with #. */
  private static final Pattern JOIN = Pattern.compile("\\s*join[ |]\\s*#.*");

  private ServerLines() {
  }

  /** The server's language, told by an online notice; empty for any other line. */
  static Optional<Language> language(String line) {
    Matcher online = ONLINE.matcher(line);
    if (!online.matches()) {
      return Optional.empty();
    }
    return Optional.of(online.group(1).equals("online") ? Language.EN : Language.ZH);
  }

  /** The room the server says the user is now in, from {@code you are in #ROOM} / {@code 你已进入 #ROOM}. */
  static Optional<String> enteredRoom(String line) {
    Matcher entered = ENTERED.matcher(line);
    return entered.matches() ? Optional.of(entered.group(1)) : Optional.empty();
  }

  /** A line of the answer to {@code rooms} ({@code #ROOM (N)}) or its refusal. */
  static boolean answersRooms(String line) {
    return LISTED.matcher(line).matches() || line.startsWith(ERROR_PREFIX);
  }

  /** The answer to a join: where the user is now, or why not. */
  static boolean answersJoin(String line) {
    return enteredRoom(line).isPresent() || line.startsWith(ERROR_PREFIX);
  }

  /** True when the user typed a join the server takes as a command, not as chat. */
  static boolean isJoin(String typed) {
    return JOIN.matcher(typed).matches();
  }

  /** The room the user named, {@code #} added when left out: {@code go} and {@code #go} are {@code #go}. */
  static String roomName(String typed) {
    String name = typed.strip();
    return name.startsWith("#") ? name : "#" + name;
  }
}
