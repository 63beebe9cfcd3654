package dev.vchat.irc;

import dev.vchat.core.Names;
import dev.vchat.core.Rooms;
import dev.vchat.core.UserEntry;
import dev.vchat.core.command.CommandTable;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** NICK, WHO, WHOIS, AWAY, ISON, USERHOST. */
final class UserCommands {

  private UserCommands() {
  }

  static void register(IrcCommands commands) {
    commands.add("NICK", 0, UserCommands::nick);
    commands.add("WHO", 0, UserCommands::who);
    commands.add("WHOIS", 0, UserCommands::whois);
    commands.add("AWAY", 0, UserCommands::away);
    commands.add("ISON", 1, UserCommands::ison);
    commands.add("USERHOST", 1, UserCommands::userhost);
  }

  /** NICK NEW: the chat's rename (same rules, same uniqueness); the answer is the NICK line, 432 or 433. */
  private static Future<Void> nick(IrcClient client, IrcMessage m) {
    String wanted = m.param(0, "");
    if (wanted.isEmpty()) {
      client.reply(Numerics.ERR_NONICKNAMEGIVEN, "No nickname given");
      return Future.succeededFuture();
    }
    if (!IrcNicks.isValidNick(wanted)) {
      client.reply(Numerics.ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname");
      return Future.succeededFuture();
    }
    CommandTable.Invocation rename = client.session().chat().commands().parse("rename " + wanted);
    return rename.command().execute(client.session(), rename.args());
  }

  /**
   * WHO #room | WHO nick | WHO mask: 352 per user, then 315. Flags: H (here) or G (away), {@code *}
   * for an IRC operator, {@code @} for an operator of the channel shown. Invisible users (+i) are
   * left out of masks, and of a channel's list for those outside it, unless they share a channel
   * with the asker; asked for by nick they are shown.
   */
  private static Future<Void> who(IrcClient client, IrcMessage m) {
    String mask = m.param(0, "*");
    UserEntry asker = client.session().entry();
    Future<List<UserEntry>> users;
    if (mask.startsWith("#")) {
      boolean inside = Rooms.isValid(mask) && asker.isIn(Rooms.key(mask));
      users = Rooms.isValid(mask)
        ? client.session().chat().registry().inRoom(Rooms.key(mask))
          .map(all -> all.stream().filter(u -> inside || isVisibleTo(u, asker)).toList())
        : Future.succeededFuture(List.of());
    } else if (mask.equals("0") || mask.indexOf('*') >= 0 || mask.indexOf('?') >= 0) {
      Pattern glob = glob(mask.equals("0") ? "*" : mask);
      users = client.session().chat().registry().online()
        .map(all -> all.stream().filter(u -> glob.matcher(Names.sortKey(IrcNicks.nickOf(u.name()))).matches())
          .filter(u -> isVisibleTo(u, asker)).toList());
    } else {
      users = find(client, mask).map(found -> found.map(List::of).orElse(List.of()));
    }
    return users.<Void>map(list -> {
      IrcIdents idents = IrcIdents.of(client.session().chat().vertx());
      for (UserEntry user : list) {
        String channel = mask.startsWith("#")
          ? user.rooms().stream().filter(r -> Rooms.key(r).equals(Rooms.key(mask))).findFirst().orElse(mask)
          : user.rooms().isEmpty() ? "*" : user.rooms().get(0);
        IrcIdents.Ident ident = idents.get(user.sid()).orElse(new IrcIdents.Ident(IrcNicks.USER, user.name(), ""));
        String flags = (ident.away().isEmpty() ? "H" : "G")
          + (user.hasMode(UserModes.OPERATOR) ? "*" : "")
          + (!channel.equals("*") && user.isOperatorOf(Rooms.key(channel)) ? "@" : "");
        client.reply(Numerics.RPL_WHOREPLY, channel, ident.user(), IrcNicks.host(user.addr()), client.server(),
          IrcNicks.nickOf(user.name()), flags, "0 " + ident.realname());
      }
      client.reply(Numerics.RPL_ENDOFWHO, mask, "End of /WHO list");
      return null;
    }).recover(e -> ServerCommands.failed(client, "could not list the users, try again"));
  }

  /** Whether {@code user} shows up in lists for {@code asker}: not invisible, or it is the asker, or they share a channel. */
  static boolean isVisibleTo(UserEntry user, UserEntry asker) {
    return !user.hasMode(UserModes.INVISIBLE) || user.sid().equals(asker.sid())
      || user.rooms().stream().anyMatch(room -> asker.isIn(Rooms.key(room)));
  }

  /** WHOIS nick: 311, 301 when away, 319 (its rooms, @ where it is an operator), 312, 313 for an IRC operator, 318; 401 when not online. */
  private static Future<Void> whois(IrcClient client, IrcMessage m) {
    if (m.params().isEmpty()) {
      client.reply(Numerics.ERR_NONICKNAMEGIVEN, "No nickname given");
      return Future.succeededFuture();
    }
    String nick = m.params().get(m.params().size() - 1);
    return find(client, nick).<Void>map(found -> {
      if (found.isEmpty()) {
        client.reply(Numerics.ERR_NOSUCHNICK, nick, "No such nick/channel");
      } else {
        UserEntry user = found.get();
        String shown = IrcNicks.nickOf(user.name());
        IrcIdents.Ident ident = IrcIdents.of(client.session().chat().vertx()).get(user.sid())
          .orElse(new IrcIdents.Ident(IrcNicks.USER, user.name(), ""));
        client.reply(Numerics.RPL_WHOISUSER, shown, ident.user(), IrcNicks.host(user.addr()), "*", ident.realname());
        if (!ident.away().isEmpty()) {
          client.reply(Numerics.RPL_AWAY, shown, ident.away());
        }
        // an invisible user's channels are shown only where the asker is too
        UserEntry asker = client.session().entry();
        boolean all = !user.hasMode(UserModes.INVISIBLE) || user.sid().equals(asker.sid());
        List<String> channels = user.rooms().stream().filter(room -> all || asker.isIn(Rooms.key(room)))
          .map(room -> (user.isOperatorOf(Rooms.key(room)) ? "@" : "") + room).toList();
        if (!channels.isEmpty()) {
          client.reply(Numerics.RPL_WHOISCHANNELS, shown, String.join(" ", channels));
        }
        client.reply(Numerics.RPL_WHOISSERVER, shown, client.server(), "vchat");
        if (user.hasMode(UserModes.OPERATOR)) {
          client.reply(Numerics.RPL_WHOISOPERATOR, shown, "is an IRC operator");
        }
      }
      client.reply(Numerics.RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
      return null;
    }).recover(e -> ServerCommands.failed(client, "could not look " + nick + " up, try again"));
  }

  /** AWAY [:message]: 306 / 305; WHO (G) and WHOIS (301) show it to IRC users of this node. */
  private static Future<Void> away(IrcClient client, IrcMessage m) {
    String message = m.param(0, "");
    client.away(message);
    IrcIdents.of(client.session().chat().vertx()).away(client.session().sid(), message);
    if (message.isEmpty()) {
      client.reply(Numerics.RPL_UNAWAY, "You are no longer marked as being away");
    } else {
      client.reply(Numerics.RPL_NOWAWAY, "You have been marked as being away");
    }
    return Future.succeededFuture();
  }

  /** ISON nick nick ...: 303 with those online. */
  private static Future<Void> ison(IrcClient client, IrcMessage m) {
    List<String> nicks = new ArrayList<>();
    m.params().forEach(p -> nicks.addAll(List.of(p.split(" "))));
    return client.session().chat().registry().online().<Void>map(users -> {
      Set<String> keys = users.stream().map(UserEntry::key).collect(Collectors.toSet());
      List<String> on = nicks.stream().filter(n -> !n.isEmpty() && keys.contains(Names.key(IrcNicks.nameOf(n)))).toList();
      client.reply(Numerics.RPL_ISON, String.join(" ", on));
      return null;
    }).recover(e -> ServerCommands.failed(client, "could not list the users, try again"));
  }

  /** USERHOST nick (up to 5): 302 nick=+chat@host for those online. */
  private static Future<Void> userhost(IrcClient client, IrcMessage m) {
    List<String> nicks = m.params().stream().limit(5).toList();
    return client.session().chat().registry().online().<Void>map(users -> {
      List<String> replies = new ArrayList<>();
      for (String nick : nicks) {
        String key = Names.key(IrcNicks.nameOf(nick));
        users.stream().filter(u -> u.key().equals(key)).findFirst().ifPresent(u ->
          replies.add(IrcNicks.nickOf(u.name()) + "=+" + IrcNicks.USER + "@" + IrcNicks.host(u.addr())));
      }
      client.reply(Numerics.RPL_USERHOST, String.join(" ", replies));
      return null;
    }).recover(e -> ServerCommands.failed(client, "could not list the users, try again"));
  }

  /** An IRC mask ('*' any run, '?' one character) over nicks, ignoring case as names do. */
  private static Pattern glob(String mask) {
    StringBuilder regex = new StringBuilder();
    for (char c : Names.sortKey(mask).toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  private static Future<Optional<UserEntry>> find(IrcClient client, String nick) {
    String name = IrcNicks.nameOf(nick);
    if (name.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return client.session().chat().registry().find(name);
  }
}
