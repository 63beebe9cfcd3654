package dev.vchat.irc;

import dev.vchat.core.ChatSession;
import dev.vchat.core.Names;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;

import java.util.Map;

/**
 * A user's own modes, kept in its registry entry (so every node sees them): {@code i}
 * (invisible: WHO masks, NAMES and WHOIS channels leave it out for those who share no channel
 * with it) and {@code o} (IRC operator, by OPER only; {@code MODE NICK -o} drops it). An IRC
 * operator is shown as one (WHO {@code *}, WHOIS 313, LUSERS 252) and may act as a channel
 * operator in every room but #lobby.
 */
final class UserModes {

  static final char INVISIBLE = 'i';
  static final char OPERATOR = 'o';
  /** RPL_MYINFO's user modes: the ones implemented. */
  static final String ALL = "io";

  private UserModes() {
  }

  static void register(IrcCommands commands) {
    commands.add("OPER", 2, UserModes::oper);
  }

  static boolean isIrcOperator(IrcClient client) {
    return client.session().entry().hasMode(OPERATOR);
  }

  /** MODE NICK [+i|-i|-o]: 221 with the modes; a change answered with the MODE line; 501, 502. */
  static Future<Void> mode(IrcClient client, IrcMessage m) {
    ChatSession session = client.session();
    if (!Names.key(IrcNicks.nameOf(m.param(0))).equals(session.entry().key())) {
      client.reply(Numerics.ERR_USERSDONTMATCH, "Can't change mode for other users");
      return Future.succeededFuture();
    }
    UserEntry current = session.entry();
    if (m.params().size() == 1) {
      client.reply(Numerics.RPL_UMODEIS, "+" + current.modes());
      return Future.succeededFuture();
    }
    UserEntry changed = current;
    boolean add = true;
    boolean unknown = false;
    for (char letter : m.param(1).toCharArray()) {
      if (letter == '+' || letter == '-') {
        add = letter == '+';
      } else if (letter == INVISIBLE || letter == OPERATOR && !add) {
        changed = changed.withMode(letter, add);
      } else if (letter != OPERATOR) { // +o is OPER's, and silently ignored here as servers do
        unknown = true;
      }
    }
    if (unknown) {
      client.reply(Numerics.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
    }
    return change(client, current, changed);
  }

  /** OPER NAME PASSWORD: 381 and +o; 464 for a wrong name or password (which one is not said); 491 when there are no operators. */
  private static Future<Void> oper(IrcClient client, IrcMessage m) {
    ChatSession session = client.session();
    Map<String, String> operators = session.chat().config().ircOperators();
    if (operators.isEmpty()) {
      client.reply(Numerics.ERR_NOOPERHOST, "No operators on this server");
      return Future.succeededFuture();
    }
    String stored = operators.get(m.param(0));
    String password = m.param(1);
    // a hash is checked for an unknown name too (a dummy one), so that the time taken does not tell names apart
    String against = stored != null ? stored : operators.values().iterator().next();
    return session.chat().vertx().executeBlocking(() -> OperPassword.matches(password, against) && stored != null, false)
      .compose(ok -> {
        if (!ok) {
          client.reply(Numerics.ERR_PASSWDMISMATCH, "Password incorrect");
          return Future.succeededFuture();
        }
        UserEntry current = session.entry();
        client.reply(Numerics.RPL_YOUREOPER, "You are now an IRC operator");
        return change(client, current, current.withMode(OPERATOR, true));
      });
  }

  /** Writes the changed modes to the user's entry, then shows the MODE line of what changed. */
  private static Future<Void> change(IrcClient client, UserEntry current, UserEntry changed) {
    if (changed.equals(current)) {
      return Future.succeededFuture();
    }
    String diff = diff(current.modes(), changed.modes());
    ChatSession session = client.session();
    return session.chat().registry().move(current, changed).<Void>map(done -> {
      if (!done) {
        throw new IllegalStateException("its registry entry changed");
      }
      session.moved(changed);
      client.send(IrcMessage.format(IrcNicks.prefix(session.name(), session.addr()), "MODE", client.nick(), diff));
      return null;
    }).recover(e -> ServerCommands.failed(client, "could not change your modes, try again"));
  }

  private static String diff(String before, String after) {
    StringBuilder plus = new StringBuilder();
    StringBuilder minus = new StringBuilder();
    after.chars().filter(c -> before.indexOf(c) < 0).forEach(plus::appendCodePoint);
    before.chars().filter(c -> after.indexOf(c) < 0).forEach(minus::appendCodePoint);
    return (plus.isEmpty() ? "" : "+" + plus) + (minus.isEmpty() ? "" : "-" + minus);
  }
}
