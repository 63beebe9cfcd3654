package dev.vchat.irc;

import dev.vchat.config.ChatConfig;
import dev.vchat.core.Names;

import java.time.Instant;

/** What a newly registered client is told: 001 to 005 (honest ISUPPORT), then the MOTD. */
final class IrcWelcome {

  private static final Instant STARTED = Instant.now();
  /** One line of tokens: what this server really does. */
  private static final String[] ISUPPORT = {
    // names are equal after NFKC case folding (and look-alikes are one name too): rfc8265 is the nearest token
    "CASEMAPPING=rfc8265",
    "CHANTYPES=#",
    "NICKLEN=" + Names.MAX_LENGTH,
    "USERLEN=" + IrcIdents.USERLEN,
    // '#' and up to 32 characters
    "CHANNELLEN=" + (Names.MAX_LENGTH + 1),
    // channel operators are the only channel mode (a prefix mode, so not in CHANMODES)
    "CHANMODES=,,,",
    "PREFIX=(o)@",
    "NETWORK=vchat",
    "are supported by this server"};
  private static final String[] MOTD = {
    "- vchat: one chat for IRC clients, nc and browsers.",
    "- Rooms are channels; you start in #lobby. Whoever enters an empty room is its operator (not #lobby's).",
    "- Users who are not on IRC show up with the nick their name maps to (docs/PROTOCOL.md, IRC)."};

  private final ChatConfig config;

  IrcWelcome(ChatConfig config) {
    this.config = config;
  }

  void send(IrcClient client) {
    String nick = client.nick();
    client.reply(Numerics.RPL_WELCOME, "Welcome to vchat, " + nick);
    client.reply(Numerics.RPL_YOURHOST, "Your host is " + client.server() + ", running vchat");
    client.reply(Numerics.RPL_CREATED, "This server was started " + STARTED);
    // user modes i and o; the one channel mode, o (operators)
    client.reply(Numerics.RPL_MYINFO, client.server(), "vchat", UserModes.ALL, "o");
    client.reply(Numerics.RPL_ISUPPORT, ISUPPORT);
    motd(client);
  }

  static void motd(IrcClient client) {
    client.reply(Numerics.RPL_MOTDSTART, "- " + client.server() + " Message of the day -");
    for (String line : MOTD) {
      client.reply(Numerics.RPL_MOTD, line);
    }
    client.reply(Numerics.RPL_ENDOFMOTD, "End of /MOTD command.");
  }

  ChatConfig config() {
    return config;
  }
}
