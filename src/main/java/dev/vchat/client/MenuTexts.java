package dev.vchat.client;

import dev.vchat.core.Language;

/**
 * Every text the menu shows, in the server's language: English, or the Go tutorial's Chinese
 * (its menu {@code 1.公聊模式}, ..., and its {@code >>>>请输入...，exit退出} prompts). What the
 * server sends is shown as it comes; these are the client's own words around it.
 */
record MenuTexts(
  String menu,
  String choose,
  String badChoice,
  String publicIntro,
  String publicPrompt,
  String onlineNow,
  String toWhom,
  String privateIntro,
  String newName,
  String noAnswer,
  String roomsNow,
  String joinWhich) {

  /** The word that leaves a chat mode or a question, in both languages (the tutorial's own). */
  static final String EXIT = "exit";

  static final MenuTexts EN = new MenuTexts(
    "1 public chat   2 private chat   3 rename   4 rooms   0 exit",
    "choice> ",
    "no such choice: {choice} (type 1, 2, 3, 4 or 0)",
    "public chat in {room}: every line goes to everyone in the room; history shows its last lines; "
      + "type exit to go back",
    "all {room}> ",
    "online in {room} (a private message reaches any room):",
    "to whom? ",
    "private chat with {name}; type exit to go back",
    "new name: ",
    "no answer from the server yet",
    "rooms now:",
    "join which room? (exit: back) ");

  static final MenuTexts ZH = new MenuTexts(
    String.join("\n", "1.公聊模式", "2.私聊模式", "3.更新用户名", "4.房间列表", "0.退出"),
    "请选择> ",
    ">>>>请输入合法范围内的数字 (1, 2, 3, 4 或 0)",
    ">>>>请输入聊天内容，exit退出 ({room} 公聊，history 查看本房间的历史消息)",
    "公聊 {room}> ",
    ">>>>{room} 在线用户 (私聊可发给任何房间的用户):",
    "请输入聊天对象[用户名]，exit退出: ",
    ">>>>请输入消息内容，exit退出 (私聊 {name})",
    "请输入用户名: ",
    ">>>>服务器暂无回复",
    ">>>>房间列表:",
    "请输入房间名[#房间名]，exit退出: ");

  static MenuTexts of(Language language) {
    return language == Language.ZH ? ZH : EN;
  }

  String badChoice(String choice) {
    return badChoice.replace("{choice}", choice);
  }

  String publicIntro(String room) {
    return publicIntro.replace("{room}", room);
  }

  String publicPrompt(String room) {
    return publicPrompt.replace("{room}", room);
  }

  String onlineNow(String room) {
    return onlineNow.replace("{room}", room);
  }

  String privateIntro(String name) {
    return privateIntro.replace("{name}", name);
  }
}
