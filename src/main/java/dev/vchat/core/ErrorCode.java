package dev.vchat.core;

/** Why something a user sent was refused; each has a text in the {@link Catalogue}. */
public enum ErrorCode {
  NAME_TAKEN("name-taken"),
  NAME_INVALID("name-invalid"),
  RENAME_USAGE("rename-usage"),
  TO_USAGE("to-usage"),
  NOT_ONLINE("not-online"),
  JOIN_FAILED("join-failed"),
  RENAME_FAILED("rename-failed"),
  WHO_FAILED("who-failed"),
  TO_FAILED("to-failed"),
  ROOM_INVALID("room-invalid"),
  ROOM_SAME("room-same"),
  HISTORY_USAGE("history-usage"),
  JOIN_ROOM_FAILED("join-room-failed"),
  ROOMS_FAILED("rooms-failed"),
  LINE_TOO_LONG("line-too-long"),
  FLOODING("flooding"),
  SERVER_FULL("server-full"),
  TOO_MANY_FROM_ADDRESS("too-many-from-address"),
  HTTP_ON_CHAT_PORT("http-on-chat-port");

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
