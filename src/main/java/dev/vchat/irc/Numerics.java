package dev.vchat.irc;

/** The IRC replies this server sends, by their RFC 1459 / 2812 names (ergo's irc/numerics.go lists the same). */
final class Numerics {

  static final String RPL_WELCOME = "001";
  static final String RPL_YOURHOST = "002";
  static final String RPL_CREATED = "003";
  static final String RPL_MYINFO = "004";
  static final String RPL_ISUPPORT = "005";
  static final String RPL_UMODEIS = "221";
  static final String RPL_LUSERCLIENT = "251";
  static final String RPL_LUSEROP = "252";
  static final String RPL_LUSERCHANNELS = "254";
  static final String RPL_LUSERME = "255";
  static final String RPL_LOCALUSERS = "265";
  static final String RPL_GLOBALUSERS = "266";
  static final String RPL_LUSERUNKNOWN = "253";
  static final String RPL_AWAY = "301";
  static final String RPL_USERHOST = "302";
  static final String RPL_ISON = "303";
  static final String RPL_UNAWAY = "305";
  static final String RPL_NOWAWAY = "306";
  static final String RPL_WHOISUSER = "311";
  static final String RPL_WHOISSERVER = "312";
  static final String RPL_WHOISOPERATOR = "313";
  static final String RPL_ENDOFWHO = "315";
  static final String RPL_ENDOFWHOIS = "318";
  static final String RPL_WHOISCHANNELS = "319";
  static final String RPL_LISTSTART = "321";
  static final String RPL_LIST = "322";
  static final String RPL_LISTEND = "323";
  static final String RPL_CHANNELMODEIS = "324";
  static final String RPL_NOTOPIC = "331";
  static final String RPL_WHOREPLY = "352";
  static final String RPL_NAMREPLY = "353";
  static final String RPL_ENDOFNAMES = "366";
  static final String RPL_ENDOFBANLIST = "368";
  static final String RPL_YOUREOPER = "381";
  static final String RPL_MOTD = "372";
  static final String RPL_MOTDSTART = "375";
  static final String RPL_ENDOFMOTD = "376";

  static final String ERR_NOSUCHNICK = "401";
  static final String ERR_NOSUCHCHANNEL = "403";
  static final String ERR_CANNOTSENDTOCHAN = "404";
  static final String ERR_NORECIPIENT = "411";
  static final String ERR_NOTEXTTOSEND = "412";
  static final String ERR_INPUTTOOLONG = "417";
  static final String ERR_UNKNOWNCOMMAND = "421";
  static final String ERR_NONICKNAMEGIVEN = "431";
  static final String ERR_ERRONEUSNICKNAME = "432";
  static final String ERR_NICKNAMEINUSE = "433";
  static final String ERR_USERNOTINCHANNEL = "441";
  static final String ERR_NOTONCHANNEL = "442";
  static final String ERR_NOTREGISTERED = "451";
  static final String ERR_NEEDMOREPARAMS = "461";
  static final String ERR_ALREADYREGISTERED = "462";
  static final String ERR_PASSWDMISMATCH = "464";
  static final String ERR_UNKNOWNMODE = "472";
  static final String ERR_CHANOPRIVSNEEDED = "482";
  static final String ERR_NOOPERHOST = "491";
  static final String ERR_UMODEUNKNOWNFLAG = "501";
  static final String ERR_USERSDONTMATCH = "502";

  private Numerics() {
  }
}
