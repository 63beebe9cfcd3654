package dev.vchat.core;

import java.util.regex.Pattern;

/** The rules for room names: '#' and a name like a user's, unique by the same key as user names. */
public final class Rooms {

  /** Where everyone starts: the classic chat. */
  public static final String LOBBY = "#lobby";

  private static final Pattern CHOSEN = Pattern.compile("#[\\p{L}\\p{M}\\p{Nd}_.\\-]+");

  private Rooms() {
  }

  public static boolean isValid(String room) {
    int length = room.codePointCount(0, room.length()) - 1;
    return length >= 1 && length <= Names.MAX_LENGTH && CHOSEN.matcher(room).matches();
  }

  /**
   * Whether a room has operators: every room but {@link #LOBBY}, where everyone lands, which
   * belongs to nobody (and a kick from it would have nowhere to send a TCP user).
   */
  public static boolean hasOperators(String roomKey) {
    return !roomKey.equals(key(LOBBY));
  }

  /** Rooms that differ only in case (or look alike, as names do) are the same room. */
  public static String key(String room) {
    return "#" + Names.key(room.substring(1));
  }
}
