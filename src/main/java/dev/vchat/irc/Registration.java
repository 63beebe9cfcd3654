package dev.vchat.irc;

import java.util.List;

/**
 * The lines of a connection before it is registered: {@code CAP} (no capabilities offered),
 * {@code NICK}, {@code USER}, {@code PASS} (before both; checked when {@code ircPassword} is set), {@code PING}, {@code QUIT}; anything else
 * gets 451. When a nick and a user are given and no CAP negotiation is open, the connection
 * claims the nick ({@link Owner#register}).
 */
final class Registration {

  interface Owner {
    /** Writes one line (without CRLF). */
    void send(String line);

    /** Nick and user given: claim the nick; {@code password}: what PASS gave, or null. */
    void register(String nick, String user, String realname, String password);

    void quit();

    String server();
  }

  private final Owner owner;
  private String nick;
  private String user;
  private String realname;
  private String password;
  private boolean negotiating;
  private boolean claiming;

  Registration(Owner owner) {
    this.owner = owner;
  }

  void handle(IrcMessage message) {
    List<String> params = message.params();
    switch (message.verb()) {
      case "CAP" -> cap(message);
      case "NICK" -> {
        if (params.isEmpty() || params.get(0).isEmpty()) {
          reply(Numerics.ERR_NONICKNAMEGIVEN, "No nickname given");
        } else if (!IrcNicks.isValidNick(params.get(0))) {
          reply(Numerics.ERR_ERRONEUSNICKNAME, params.get(0), "Erroneous nickname");
        } else {
          nick = params.get(0);
          complete();
        }
      }
      case "USER" -> {
        if (params.size() < 4 || params.get(3).isEmpty()) {
          reply(Numerics.ERR_NEEDMOREPARAMS, "USER", "Not enough parameters");
        } else if (user == null) {
          user = params.get(0);
          realname = params.get(3);
          complete();
        }
      }
      case "PASS" -> {
        if (params.isEmpty()) {
          reply(Numerics.ERR_NEEDMOREPARAMS, "PASS", "Not enough parameters");
        } else if (nick == null && user == null) { // PASS counts only before NICK and USER
          password = params.get(0);
        }
      }
      case "PING" -> owner.send(IrcMessage.format(owner.server(), "PONG", owner.server(), message.param(0, "")));
      case "PONG" -> { }
      case "QUIT" -> owner.quit();
      default -> reply(Numerics.ERR_NOTREGISTERED, "You have not registered");
    }
  }

  private void cap(IrcMessage message) {
    String sub = message.param(0, "").toUpperCase(java.util.Locale.ROOT);
    switch (sub) {
      case "LS" -> {
        negotiating = true;
        owner.send(IrcMessage.format(owner.server(), "CAP", target(), "LS", ""));
      }
      case "LIST" -> owner.send(IrcMessage.format(owner.server(), "CAP", target(), "LIST", ""));
      case "REQ" -> {
        negotiating = true;
        owner.send(IrcMessage.formatText(owner.server(), "CAP", target(), "NAK", message.param(1, "")));
      }
      case "END" -> {
        negotiating = false;
        complete();
      }
      default -> reply("410", sub, "Invalid CAP command");
    }
  }

  /** The claim of the nick failed (taken): the client may send another NICK. */
  void nickTaken() {
    claiming = false;
    String taken = nick;
    nick = null;
    reply(Numerics.ERR_NICKNAMEINUSE, taken, "Nickname is already in use");
  }

  boolean isClaiming() {
    return claiming;
  }

  private void complete() {
    if (nick != null && user != null && !negotiating && !claiming) {
      claiming = true;
      owner.register(nick, user, realname, password);
    }
  }

  private String target() {
    return nick == null ? "*" : nick;
  }

  private void reply(String numeric, String... params) {
    String[] all = new String[params.length + 1];
    all[0] = target();
    System.arraycopy(params, 0, all, 1, params.length);
    owner.send(IrcMessage.formatText(owner.server(), numeric, all));
  }
}
