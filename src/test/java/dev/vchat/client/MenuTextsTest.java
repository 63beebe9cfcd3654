package dev.vchat.client;

import dev.vchat.core.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The menu's words in both languages, rendered. */
class MenuTextsTest {

  @Test
  void englishIsTheMenuAsItWasWithRoomsAdded() {
    MenuTexts en = MenuTexts.of(Language.EN);
    assertEquals("1 public chat   2 private chat   3 rename   4 rooms   0 exit", en.menu());
    assertEquals("choice> ", en.choose());
    assertEquals("no such choice: 7 (type 1, 2, 3, 4 or 0)", en.badChoice("7"));
    assertEquals("all #go> ", en.publicPrompt("#go"));
    assertEquals("public chat in #go: every line goes to everyone in the room; history shows its last lines; "
      + "type exit to go back", en.publicIntro("#go"));
    assertEquals("private chat with bob; type exit to go back", en.privateIntro("bob"));
    assertEquals("online in #go (a private message reaches any room):", en.onlineNow("#go"));
  }

  @Test
  void chineseIsTheTutorialsMenuOneEntryALine() {
    MenuTexts zh = MenuTexts.of(Language.ZH);
    assertEquals("1.公聊模式\n2.私聊模式\n3.更新用户名\n4.房间列表\n0.退出", zh.menu());
    assertEquals(">>>>请输入聊天内容，exit退出 (#go 公聊，history 查看本房间的历史消息)", zh.publicIntro("#go"));
    assertEquals("公聊 #go> ", zh.publicPrompt("#go"));
    assertEquals("请输入用户名: ", zh.newName());
    assertEquals(">>>>请输入消息内容，exit退出 (私聊 bob)", zh.privateIntro("bob"));
    assertEquals(">>>>#go 在线用户 (私聊可发给任何房间的用户):", zh.onlineNow("#go"));
    assertEquals(">>>>请输入合法范围内的数字 (1, 2, 3, 4 或 0)", zh.badChoice("7"));
  }

  @Test
  void aPlaceholderInWhatTheUserTypedIsNotFilledAgain() {
    assertEquals("no such choice: {room} (type 1, 2, 3, 4 or 0)", MenuTexts.EN.badChoice("{room}"));
    assertSame(MenuTexts.EN, MenuTexts.of(Language.EN));
  }
}
