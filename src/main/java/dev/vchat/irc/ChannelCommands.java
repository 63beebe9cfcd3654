package dev.vchat.irc;

import dev.vchat.core.Addresses;
import dev.vchat.core.ChatSession;
import dev.vchat.core.Events;
import dev.vchat.core.Membership;
import dev.vchat.core.Rooms;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** JOIN, PART, NAMES, LIST, TOPIC, MODE, KICK: rooms are channels. */
final class ChannelCommands {

  /** NAMES lines are cut to stay within RFC 1459's 512 bytes. */
  private static final int NAMES_BYTES = 400;

  private ChannelCommands() {
  }

  static void register(IrcCommands commands) {
    commands.add("JOIN", 1, ChannelCommands::join);
    commands.add("PART", 1, ChannelCommands::part);
    commands.add("NAMES", 0, ChannelCommands::names);
    commands.add("LIST", 0, ChannelCommands::list);
    commands.add("TOPIC", 1, ChannelCommands::topic);
    commands.add("MODE", 1, ChannelCommands::mode);
    commands.add("KICK", 2, ChannelCommands::kick);
  }

  /** JOIN #a,#b | JOIN 0 (leave all): each in turn; the user's JOIN, then NAMES and the history. */
  private static Future<Void> join(IrcClient client, IrcMessage m) {
    if (m.param(0).equals("0")) {
      Future<Void> chain = Future.succeededFuture();
      for (String room : client.session().rooms()) {
        chain = chain.compose(v -> Membership.part(client.session(), Rooms.key(room)).mapEmpty());
      }
      return chain.recover(e -> ServerCommands.failed(client, "could not leave your channels, try again"));
    }
    Future<Void> chain = Future.succeededFuture();
    for (String channel : ServerCommands.commaList(m.param(0))) {
      chain = chain.compose(v -> joinOne(client, channel));
    }
    return chain;
  }

  private static Future<Void> joinOne(IrcClient client, String channel) {
    if (!Rooms.isValid(channel)) {
      client.reply(Numerics.ERR_NOSUCHCHANNEL, channel, "No such channel");
      return Future.succeededFuture();
    }
    // the history is read before entering, as TCP's join does: once in, the room's lines come
    // live, so none comes before the history and none is in both
    Future<List<JsonObject>> history = historyOf(client.session(), channel);
    return history.compose(lines -> Membership.enter(client.session(), channel).compose(entered -> entered.isPresent()
        ? afterJoin(client, entered.get(), Future.succeededFuture(lines))
        : Future.<Void>succeededFuture()))
      .recover(e -> ServerCommands.failed(client, "could not join " + channel + ", try again"));
  }

  /** The room's last lines to replay on joining it (none when history is off or cannot be read). */
  static Future<List<JsonObject>> historyOf(ChatSession session, String room) {
    int lines = Math.min(Membership.HISTORY_ON_ENTRY, session.chat().config().historyLines());
    return lines == 0 ? Future.succeededFuture(List.of())
      : session.chat().history(Rooms.key(room), lines).otherwise(List.of());
  }

  /** What follows a JOIN: the channel's names, then its last lines (read before it) as PRIVMSGs from their senders. */
  static Future<Void> afterJoin(IrcClient client, String room, Future<List<JsonObject>> history) {
    ChatSession session = client.session();
    return namesOf(client, room).compose(v -> history).<Void>map(entries -> {
      entries.forEach(entry -> session.reply(dev.vchat.core.Events.history(entry)));
      return null;
    }).recover(e -> Future.succeededFuture());
  }

  /** PART #a,#b [:reason]: 442 for a channel the user is not in. */
  private static Future<Void> part(IrcClient client, IrcMessage m) {
    Future<Void> chain = Future.succeededFuture();
    for (String channel : ServerCommands.commaList(m.param(0))) {
      chain = chain.compose(v -> {
        if (!Rooms.isValid(channel)) {
          client.reply(Numerics.ERR_NOSUCHCHANNEL, channel, "No such channel");
          return Future.succeededFuture();
        }
        return Membership.part(client.session(), Rooms.key(channel), m.param(1, "")).<Void>map(parted -> {
          if (!parted) {
            client.reply(Numerics.ERR_NOTONCHANNEL, channel, "You're not on that channel");
          }
          return null;
        }).recover(e -> ServerCommands.failed(client, "could not leave " + channel + ", try again"));
      });
    }
    return chain;
  }

  /** NAMES [#a,#b]: the user's own channels when none is given. */
  private static Future<Void> names(IrcClient client, IrcMessage m) {
    List<String> channels = m.params().isEmpty() ? client.session().rooms() : ServerCommands.commaList(m.param(0));
    Future<Void> chain = Future.succeededFuture();
    for (String channel : channels) {
      chain = chain.compose(v -> namesOf(client, channel));
    }
    return chain;
  }

  static Future<Void> namesOf(IrcClient client, String channel) {
    if (!Rooms.isValid(channel)) {
      client.reply(Numerics.RPL_ENDOFNAMES, channel, "End of /NAMES list");
      return Future.succeededFuture();
    }
    String key = Rooms.key(channel);
    boolean inside = client.session().entry().isIn(key);
    return client.session().chat().registry().inRoom(key).<Void>map(users -> {
      List<String> line = new ArrayList<>();
      int bytes = 0;
      for (UserEntry user : users) {
        if (!inside && user.hasMode(UserModes.INVISIBLE)) {
          continue; // invisible users are listed only to those who share the channel
        }
        String nick = (user.isOperatorOf(key) ? "@" : "") + IrcNicks.nickOf(user.name());
        if (bytes + nick.length() > NAMES_BYTES && !line.isEmpty()) {
          client.reply(Numerics.RPL_NAMREPLY, "=", channel, String.join(" ", line));
          line.clear();
          bytes = 0;
        }
        line.add(nick);
        bytes += nick.length() + 1;
      }
      if (!line.isEmpty()) {
        client.reply(Numerics.RPL_NAMREPLY, "=", channel, String.join(" ", line));
      }
      client.reply(Numerics.RPL_ENDOFNAMES, channel, "End of /NAMES list");
      return null;
    }).recover(e -> ServerCommands.failed(client, "could not list the users of " + channel + ", try again"));
  }

  /** LIST [#a,#b]: the rooms with users, with how many; rooms have no topic. */
  private static Future<Void> list(IrcClient client, IrcMessage m) {
    List<String> wanted = m.params().isEmpty() ? List.of()
      : ServerCommands.commaList(m.param(0)).stream().filter(Rooms::isValid).map(Rooms::key).toList();
    return client.session().chat().registry().rooms().<Void>map(rooms -> {
      client.reply(Numerics.RPL_LISTSTART, "Channel", "Users  Name");
      rooms.stream().filter(count -> wanted.isEmpty() || wanted.contains(Rooms.key(count.room())))
        .forEach(count -> client.reply(Numerics.RPL_LIST, count.room(), String.valueOf(count.users()), ""));
      client.reply(Numerics.RPL_LISTEND, "End of /LIST");
      return null;
    }).recover(e -> ServerCommands.failed(client, "could not list the rooms, try again"));
  }

  /** TOPIC #room [:text]: rooms have no topic (331), and nobody may set one (482). */
  private static Future<Void> topic(IrcClient client, IrcMessage m) {
    String channel = m.param(0);
    if (!Rooms.isValid(channel)) {
      client.reply(Numerics.ERR_NOSUCHCHANNEL, channel, "No such channel");
    } else if (m.params().size() > 1) {
      if (!client.session().entry().isIn(Rooms.key(channel))) {
        client.reply(Numerics.ERR_NOTONCHANNEL, channel, "You're not on that channel");
      } else {
        client.reply(Numerics.ERR_CHANOPRIVSNEEDED, channel, "Rooms have no topic: nobody may set one");
      }
    } else {
      client.reply(Numerics.RPL_NOTOPIC, channel, "No topic is set");
    }
    return Future.succeededFuture();
  }

  /**
   * MODE #room: no channel modes (324 "+"); MODE #room b: an empty ban list; MODE #room +o/-o
   * NICK ...: by an operator of the room (482 otherwise), each change run by the target's own
   * session; any other letter: 472. MODE NICK: {@link UserModes}.
   */
  private static Future<Void> mode(IrcClient client, IrcMessage m) {
    String target = m.param(0);
    if (!target.startsWith("#")) {
      return UserModes.mode(client, m);
    }
    if (!Rooms.isValid(target)) {
      client.reply(Numerics.ERR_NOSUCHCHANNEL, target, "No such channel");
      return Future.succeededFuture();
    }
    if (m.params().size() == 1) {
      client.reply(Numerics.RPL_CHANNELMODEIS, target, "+");
      return Future.succeededFuture();
    }
    String modes = m.param(1);
    if (modes.equals("b") || modes.equals("+b") && m.params().size() == 2) {
      client.reply(Numerics.RPL_ENDOFBANLIST, target, "End of channel ban list");
      return Future.succeededFuture();
    }
    String key = Rooms.key(target);
    if (!client.session().entry().isIn(key) && !UserModes.isIrcOperator(client)) {
      client.reply(Numerics.ERR_NOTONCHANNEL, target, "You're not on that channel");
      return Future.succeededFuture();
    }
    if (!canOperate(client, key)) {
      client.reply(Numerics.ERR_CHANOPRIVSNEEDED, target, operatorRule(key));
      return Future.succeededFuture();
    }
    Future<Void> chain = Future.succeededFuture();
    boolean add = true;
    int next = 2;
    for (char letter : modes.toCharArray()) {
      if (letter == '+' || letter == '-') {
        add = letter == '+';
      } else if (letter == 'o') {
        if (next >= m.params().size()) {
          client.reply(Numerics.ERR_NEEDMOREPARAMS, "MODE", "Not enough parameters");
          break;
        }
        String nick = m.param(next++);
        boolean op = add;
        chain = chain.compose(v -> onTarget(client, target, nick,
          Events.opRequest(target, client.session().name(), client.session().addr(), op)));
      } else {
        client.reply(Numerics.ERR_UNKNOWNMODE, String.valueOf(letter), "is unknown mode char to me (rooms have only operators)");
      }
    }
    return chain;
  }

  /** KICK #room NICK[,NICK] [:reason]: by an operator of the room; the user leaves it (TCP and browser users go to #lobby). */
  private static Future<Void> kick(IrcClient client, IrcMessage m) {
    String channel = m.param(0);
    if (!Rooms.isValid(channel)) {
      client.reply(Numerics.ERR_NOSUCHCHANNEL, channel, "No such channel");
      return Future.succeededFuture();
    }
    String key = Rooms.key(channel);
    if (!client.session().entry().isIn(key) && !UserModes.isIrcOperator(client)) {
      client.reply(Numerics.ERR_NOTONCHANNEL, channel, "You're not on that channel");
      return Future.succeededFuture();
    }
    if (!canOperate(client, key)) {
      client.reply(Numerics.ERR_CHANOPRIVSNEEDED, channel, operatorRule(key));
      return Future.succeededFuture();
    }
    String reason = m.param(2, "");
    String shown = reason.isBlank() ? client.session().name() : reason;
    Future<Void> chain = Future.succeededFuture();
    for (String nick : ServerCommands.commaList(m.param(1))) {
      chain = chain.compose(v -> onTarget(client, channel, nick,
        Events.kickRequest(channel, client.session().name(), client.session().addr(), shown)));
    }
    return chain;
  }

  /** An operator of the room, or an IRC operator (who may act in every room but #lobby). */
  private static boolean canOperate(IrcClient client, String roomKey) {
    return Rooms.hasOperators(roomKey)
      && (client.session().entry().isOperatorOf(roomKey) || UserModes.isIrcOperator(client));
  }

  private static String operatorRule(String roomKey) {
    return Rooms.hasOperators(roomKey) ? "You're not channel operator" : "#lobby has no operators";
  }

  /**
   * Sends {@code request} to the session of the user {@code nick}, which runs it on its own entry
   * (one writer per entry): 401 when it is not online, 441 when it is not in the channel. The
   * user's own request runs here: its session is busy with this very command.
   */
  private static Future<Void> onTarget(IrcClient client, String channel, String nick, JsonObject request) {
    ChatSession session = client.session();
    String name = IrcNicks.nameOf(nick);
    if (name.isEmpty()) {
      client.reply(Numerics.ERR_NOSUCHNICK, nick, "No such nick/channel");
      return Future.succeededFuture();
    }
    return session.chat().registry().find(name).compose(found -> {
      if (found.isEmpty()) {
        client.reply(Numerics.ERR_NOSUCHNICK, nick, "No such nick/channel");
        return Future.succeededFuture();
      }
      Future<Boolean> done = found.get().sid().equals(session.sid())
        ? Membership.requested(session, request)
        : session.chat().vertx().eventBus().<JsonObject>request(Addresses.user(found.get().sid()), request, REQUEST)
          .map(reply -> reply.body().getBoolean("done", false));
      return done.<Void>map(ok -> {
        if (!ok) {
          client.reply(Numerics.ERR_USERNOTINCHANNEL, nick, channel, "They aren't on that channel");
        }
        return null;
      }).recover(e -> ServerCommands.failed(client, "could not change " + nick + " in " + channel + ", try again"));
    });
  }

  private static final DeliveryOptions REQUEST = new DeliveryOptions().setSendTimeout(10_000);
}
