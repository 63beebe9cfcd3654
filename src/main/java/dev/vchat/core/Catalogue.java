package dev.vchat.core;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every text the server sends, in both languages, as templates over an event's fields:
 * {@code {name}} is replaced by the event's "name". Substituted values are never re-read as
 * templates, so a user cannot inject placeholders.
 */
public final class Catalogue {

  private static final Map<String, String> EN = Map.ofEntries(
    Map.entry(Events.ONLINE, "[{addr}]{name}:online"),
    Map.entry(Events.OFFLINE, "[{addr}]{name}:offline"),
    Map.entry(Events.CHAT, "[{addr}]{name}:{text}"),
    Map.entry(Events.RENAME, "[{addr}]{old}:is now {name}"),
    Map.entry(Events.JOINED, "[{addr}]{name}:joined"),
    Map.entry(Events.LEFT, "[{addr}]{name}:left"),
    Map.entry(Events.KICK, "[{addr}]{name}:kicked from {room} by {by}: {reason}"),
    Map.entry(Events.OPPED, "[{addr}]{name}:operator of {room} now (by {by})"),
    Map.entry(Events.DEOPPED, "[{addr}]{name}:no longer operator of {room} (by {by})"),
    Map.entry(Events.WHO, "[{addr}]{name}:online"),
    Map.entry(Events.ROOM_ENTERED, "you are in {room}"),
    Map.entry(Events.HISTORY_EMPTY, "history: empty"),
    Map.entry(Events.ROOM_LISTED, "{room} ({users})"),
    Map.entry(Events.RENAMED, "renamed to: {name}"),
    Map.entry(Events.NAME_LOST, "server: {name} was also taken on the other side of a network split, and the other user keeps it"),
    Map.entry(Events.PRIVATE, "{from} to you: {text}"),
    Map.entry(Events.PRIVATE_ECHO, "you to {to}: {text}"),
    Map.entry(Events.KICKED, "kicked: idle for {seconds} s"),
    Map.entry(Events.KICKED_FLOOD, "kicked: flooding"),
    Map.entry(Events.BYE, "bye"),
    Map.entry(Events.SHUTDOWN, "server: shutting down, bye"),
    Map.entry(Events.HELP, String.join("\n",
      "commands:",
      "  who              list the users online",
      "  rename NEW       change your name (or rename|NEW)",
      "  to NAME TEXT     private message to NAME (or to|NAME|TEXT)",
      "  join #ROOM       leave this room for #ROOM (made if needed; you start in #lobby)",
      "  rooms            the rooms with users in them",
      "  history [N]      the last 20 (or N) lines of this room",
      "  help             this list",
      "  quit             leave the chat",
      "anything else is sent to everyone in your room")),
    Map.entry(error(ErrorCode.NAME_TAKEN), "error: name {name} is already in use"),
    Map.entry(error(ErrorCode.NAME_INVALID), "error: invalid name {name}: use 1 to 32 letters, digits, _ - or ."),
    Map.entry(error(ErrorCode.RENAME_USAGE), "error: usage: rename NEW"),
    Map.entry(error(ErrorCode.TO_USAGE), "error: usage: to NAME TEXT"),
    Map.entry(error(ErrorCode.NOT_ONLINE), "error: {name} is not online"),
    Map.entry(error(ErrorCode.JOIN_FAILED), "error: could not join, try again later"),
    Map.entry(error(ErrorCode.RENAME_FAILED), "error: rename failed, try again"),
    Map.entry(error(ErrorCode.WHO_FAILED), "error: could not list the users online, try again"),
    Map.entry(error(ErrorCode.TO_FAILED), "error: message to {name} not delivered, try again"),
    Map.entry(error(ErrorCode.ROOM_INVALID), "error: invalid room name {room}: # then 1 to 32 letters, digits, _ - or ."),
    Map.entry(error(ErrorCode.ROOM_SAME), "error: you are already in {room}"),
    Map.entry(error(ErrorCode.HISTORY_USAGE), "error: usage: history [N], N from 1 to {max}"),
    Map.entry(error(ErrorCode.JOIN_ROOM_FAILED), "error: could not join {room}, try again"),
    Map.entry(error(ErrorCode.ROOMS_FAILED), "error: could not list the rooms, try again"),
    Map.entry(error(ErrorCode.LINE_TOO_LONG), "error: line too long (over {max} bytes), not delivered"),
    Map.entry(error(ErrorCode.FLOODING), "error: too many lines, slow down; not delivered"),
    Map.entry(error(ErrorCode.SERVER_FULL), "error: server full, try again later"),
    Map.entry(error(ErrorCode.TOO_MANY_FROM_ADDRESS), "error: too many connections from your address"),
    Map.entry(error(ErrorCode.HTTP_ON_CHAT_PORT), "error: this is the chat port, not HTTP; the browser chat is on the web port"));

  /** The tutorial's own phrases where it has one; the line shapes and the "error: " prefix stay. */
  private static final Map<String, String> ZH = Map.ofEntries(
    Map.entry(Events.ONLINE, "[{addr}]{name}:已上线"),
    Map.entry(Events.OFFLINE, "[{addr}]{name}:下线"),
    Map.entry(Events.CHAT, "[{addr}]{name}:{text}"),
    Map.entry(Events.RENAME, "[{addr}]{old}:改名为 {name}"),
    Map.entry(Events.JOINED, "[{addr}]{name}:加入了房间"),
    Map.entry(Events.LEFT, "[{addr}]{name}:离开了房间"),
    Map.entry(Events.KICK, "[{addr}]{name}:被 {by} 踢出 {room}: {reason}"),
    Map.entry(Events.OPPED, "[{addr}]{name}:成为 {room} 的管理员 (由 {by} 设置)"),
    Map.entry(Events.DEOPPED, "[{addr}]{name}:不再是 {room} 的管理员 (由 {by} 设置)"),
    Map.entry(Events.WHO, "[{addr}]{name}:在线"),
    Map.entry(Events.ROOM_ENTERED, "你已进入 {room}"),
    Map.entry(Events.HISTORY_EMPTY, "history: 暂无消息"),
    Map.entry(Events.ROOM_LISTED, "{room} ({users})"),
    Map.entry(Events.RENAMED, "修改用户名为: {name}"),
    Map.entry(Events.NAME_LOST, "server: 网络分区期间 {name} 在另一侧也被占用，该用户名归另一位用户"),
    Map.entry(Events.PRIVATE, "{from}对你说: {text}"),
    Map.entry(Events.PRIVATE_ECHO, "你对{to}说: {text}"),
    Map.entry(Events.KICKED, "kicked: 长时间未使用，连接中断"),
    Map.entry(Events.KICKED_FLOOD, "kicked: 发送消息过于频繁，连接中断"),
    Map.entry(Events.BYE, "再见"),
    Map.entry(Events.SHUTDOWN, "server: 服务器关闭，再见"),
    Map.entry(Events.HELP, String.join("\n",
      "命令:",
      "  who              查询在线用户",
      "  rename NEW       修改用户名 (或 rename|NEW)",
      "  to NAME TEXT     私聊 NAME (或 to|NAME|TEXT)",
      "  join #ROOM       进入房间 #ROOM (没有则创建；初始在 #lobby)",
      "  rooms            有用户的房间",
      "  history [N]      本房间最近 20 (或 N) 条消息",
      "  help             显示本帮助",
      "  quit             退出",
      "其他内容发送给本房间所有人")),
    Map.entry(error(ErrorCode.NAME_TAKEN), "error: 该用户名已被使用"),
    Map.entry(error(ErrorCode.NAME_INVALID), "error: 用户名无效: {name} (1 到 32 个字母、数字、_ - 或 .)"),
    Map.entry(error(ErrorCode.RENAME_USAGE), "error: 格式不正确，请使用 [rename 新用户名] 格式"),
    Map.entry(error(ErrorCode.TO_USAGE), "error: 消息格式不正确，请使用 [to username content] 格式"),
    Map.entry(error(ErrorCode.NOT_ONLINE), "error: 该用户不在线"),
    Map.entry(error(ErrorCode.JOIN_FAILED), "error: 加入聊天失败，请稍后再试"),
    Map.entry(error(ErrorCode.RENAME_FAILED), "error: 修改用户名失败，请重试"),
    Map.entry(error(ErrorCode.WHO_FAILED), "error: 查询在线用户失败，请重试"),
    Map.entry(error(ErrorCode.TO_FAILED), "error: 私聊消息未发送，请重试"),
    Map.entry(error(ErrorCode.ROOM_INVALID), "error: 房间名无效: {room}"),
    Map.entry(error(ErrorCode.ROOM_SAME), "error: 你已在 {room} 中"),
    Map.entry(error(ErrorCode.HISTORY_USAGE), "error: 格式不正确，请使用 history [N]，N 为 1 到 {max}"),
    Map.entry(error(ErrorCode.JOIN_ROOM_FAILED), "error: 进入房间失败，请重试"),
    Map.entry(error(ErrorCode.ROOMS_FAILED), "error: 无法列出房间，请重试"),
    Map.entry(error(ErrorCode.LINE_TOO_LONG), "error: 消息过长 (超过 {max} 字节)，未发送"),
    Map.entry(error(ErrorCode.FLOODING), "error: 发送过于频繁，请放慢速度，消息未发送"),
    Map.entry(error(ErrorCode.SERVER_FULL), "error: 服务器连接已满，请稍后再试"),
    Map.entry(error(ErrorCode.TOO_MANY_FROM_ADDRESS), "error: 来自你的地址的连接过多"),
    Map.entry(error(ErrorCode.HTTP_ON_CHAT_PORT), "error: 这是聊天端口，不是 HTTP；网页聊天在 web 端口"));

  private static final Map<String, Template> EN_TEMPLATES = compile(EN);
  private static final Map<String, Template> ZH_TEMPLATES = compile(ZH);

  private final Language language;
  private final Map<String, Template> templates;

  public Catalogue(Language language) {
    this.language = language;
    this.templates = language == Language.ZH ? ZH_TEMPLATES : EN_TEMPLATES;
  }

  public Language language() {
    return language;
  }

  /** The text of an event, without the trailing LF; several lines for {@code help}. */
  public String render(JsonObject event) {
    return text(event, new StringBuilder(96)).toString();
  }

  /** The text of an event and its LF, in UTF-8: what a TCP user is sent. */
  public byte[] line(JsonObject event) {
    return text(event, new StringBuilder(96)).append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  private StringBuilder text(JsonObject event, StringBuilder out) {
    String type = Events.type(event);
    if (Events.HISTORY.equals(type)) {
      return text(event.getJsonObject(Events.ENTRY), out.append("history: "));
    }
    String key = Events.ERROR.equals(type) ? Events.ERROR + "." + event.getString("code") : type;
    Template template = templates.get(key);
    if (template == null) {
      throw new IllegalArgumentException("no text for event " + key);
    }
    return template.fill(event, out);
  }

  /**
   * A template split once into its literal parts and the fields between them: {@code literals}
   * has one more element than {@code fields}.
   */
  private record Template(String[] literals, String[] fields) {

    static Template of(String template) {
      List<String> literals = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      int i = 0;
      int open;
      while ((open = template.indexOf('{', i)) >= 0) {
        int close = template.indexOf('}', open);
        literals.add(template.substring(i, open));
        fields.add(template.substring(open + 1, close));
        i = close + 1;
      }
      literals.add(template.substring(i));
      return new Template(literals.toArray(new String[0]), fields.toArray(new String[0]));
    }

    StringBuilder fill(JsonObject event, StringBuilder out) {
      out.append(literals[0]);
      for (int i = 0; i < fields.length; i++) {
        Object value = event.getValue(fields[i]);
        if (value != null) {
          out.append(value);
        }
        out.append(literals[i + 1]);
      }
      return out;
    }
  }

  private static Map<String, Template> compile(Map<String, String> texts) {
    Map<String, Template> compiled = new HashMap<>();
    texts.forEach((key, text) -> compiled.put(key, Template.of(text)));
    return Map.copyOf(compiled);
  }

  private static String error(ErrorCode code) {
    return Events.ERROR + "." + code.code();
  }
}
