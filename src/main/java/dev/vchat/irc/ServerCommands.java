package dev.vchat.irc;

import dev.vchat.core.Events;
import dev.vchat.core.UserEntry;
import io.vertx.core.Future;

import java.util.List;

/** CAP, USER, PASS, PING, PONG, QUIT, LUSERS, MOTD once registered. */
final class ServerCommands {

  private ServerCommands() {
  }

  static void register(IrcCommands commands) {
    commands.add("CAP", 1, ServerCommands::cap);
    commands.add("USER", 0, (client, m) -> done(() -> client.reply(Numerics.ERR_ALREADYREGISTERED, "You may not reregister")));
    commands.add("PASS", 0, (client, m) -> done(() -> client.reply(Numerics.ERR_ALREADYREGISTERED, "You may not reregister")));
    /* PING TOKEN */
    commands.add("PING", 1, (client, m) -> done(() ->
      client.send(IrcMessage.format(client.server(), "PONG", client.server(), m.param(0)))));
    /* PONG TOKEN: it was activity, nothing more */
    commands.add("PONG", 0, (client, m) -> Future.succeededFuture());
    /* QUIT [:reason] */
    commands.add("QUIT", 0, (client, m) -> done(() -> client.session().end(Events.bye(), m.param(0, ""))));
    commands.add("MOTD", 0, (client, m) -> done(() -> IrcWelcome.motd(client)));
    commands.add("LUSERS", 0, ServerCommands::lusers);
  }

  /** CAP LS|LIST|REQ|END: no capabilities are offered. */
  private static Future<Void> cap(IrcClient client, IrcMessage m) {
    String sub = m.param(0).toUpperCase(java.util.Locale.ROOT);
    switch (sub) {
      case "LS", "LIST" -> client.send(IrcMessage.format(client.server(), "CAP", client.nick(), sub, ""));
      case "REQ" -> client.send(IrcMessage.formatText(client.server(), "CAP", client.nick(), "NAK", m.param(1, "")));
      case "END" -> { }
      default -> client.reply("410", sub, "Invalid CAP command");
    }
    return Future.succeededFuture();
  }

  private static Future<Void> lusers(IrcClient client, IrcMessage m) {
    var chat = client.session().chat();
    return chat.registry().online().compose(users -> chat.registry().rooms().map(rooms -> {
      int n = users.size();
      int invisible = (int) users.stream().filter(u -> u.hasMode(UserModes.INVISIBLE)).count();
      int operators = (int) users.stream().filter(u -> u.hasMode(UserModes.OPERATOR)).count();
      int here = (int) users.stream().map(UserEntry::node).filter(chat.node()::equals).count();
      int maxHere = Peaks.of(chat.vertx()).local(here);
      int maxAll = Peaks.of(chat.vertx()).global(n);
      client.reply(Numerics.RPL_LUSERCLIENT, "There are " + (n - invisible) + " users and " + invisible + " invisible on 1 servers");
      client.reply(Numerics.RPL_LUSEROP, String.valueOf(operators), "operator(s) online");
      client.reply(Numerics.RPL_LUSERCHANNELS, String.valueOf(rooms.size()), "channels formed");
      client.reply(Numerics.RPL_LUSERME, "I have " + here + " clients and 0 servers");
      client.reply(Numerics.RPL_LOCALUSERS, String.valueOf(here), String.valueOf(maxHere),
        "Current local users " + here + ", max " + maxHere);
      client.reply(Numerics.RPL_GLOBALUSERS, String.valueOf(n), String.valueOf(maxAll),
        "Current global users " + n + ", max " + maxAll);
      return (Void) null;
    })).recover(e -> failed(client, "could not count the users, try again"));
  }

  static Future<Void> failed(IrcClient client, String text) {
    client.notice(text);
    return Future.succeededFuture();
  }

  static Future<Void> done(Runnable work) {
    work.run();
    return Future.succeededFuture();
  }

  static List<String> commaList(String param) {
    if (param.indexOf(',') < 0) {
      return param.isEmpty() ? List.of() : List.of(param); // the common case, once per PRIVMSG
    }
    return java.util.Arrays.stream(param.split(",")).filter(s -> !s.isEmpty()).toList();
  }
}
