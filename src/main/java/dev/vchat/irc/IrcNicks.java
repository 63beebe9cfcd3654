package dev.vchat.irc;

import dev.vchat.core.Names;

/**
 * How chat names look to IRC clients. A name that is a fine IRC nick (it does not start with a
 * digit or '-', and has no '.' or ':') is its own nick. Any other name, such as the initial
 * {@code IP:PORT}, is shown with '.' as '|' and ':' as '^', after a '`' when it starts with a
 * digit or '-': {@code 127.0.0.1:50312} is {@code `127|0|0|1^50312}. No chat name holds '`', '|'
 * or '^', so the alias is unique and stable, and it maps back to the name.
 */
final class IrcNicks {

  /** The user part of every prefix: the chat has no ident. */
  static final String USER = "chat";

  private IrcNicks() {
  }

  static String nickOf(String name) {
    if (isIrcSafe(name)) {
      return name;
    }
    char first = name.isEmpty() ? 'x' : name.charAt(0);
    String alias = name.replace('.', '|').replace(':', '^');
    return Character.isDigit(first) || first == '-' ? "`" + alias : alias;
  }

  /** The chat name a nick (an alias or a name) stands for. */
  static String nameOf(String nick) {
    if (nick.indexOf('`') < 0 && nick.indexOf('|') < 0 && nick.indexOf('^') < 0) {
      return nick;
    }
    String name = nick.startsWith("`") ? nick.substring(1) : nick;
    return name.replace('|', '.').replace('^', ':');
  }

  /** Whether an IRC user may take this nick: a valid chat name that is its own nick. */
  static boolean isValidNick(String nick) {
    return Names.isValid(nick) && isIrcSafe(nick);
  }

  /** {@code nick!chat@host}: the source of what a user does. */
  static String prefix(String name, String addr) {
    return nickOf(name) + "!" + USER + "@" + host(addr);
  }

  /** The IP of an {@code IP:PORT} address. */
  static String host(String addr) {
    int colon = addr.lastIndexOf(':');
    return colon > 0 ? addr.substring(0, colon) : addr;
  }

  private static boolean isIrcSafe(String name) {
    if (name.isEmpty()) {
      return false;
    }
    char first = name.charAt(0);
    return !Character.isDigit(first) && first != '-' && name.indexOf('.') < 0 && name.indexOf(':') < 0;
  }
}
