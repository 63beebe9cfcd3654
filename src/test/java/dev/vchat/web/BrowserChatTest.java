package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real browser (Debian's chromium, headless, driven by Selenium) and a raw TCP user in one
 * chat. The browser binaries must be installed: without them these tests fail, they never skip.
 */
class BrowserChatTest extends OneBrowser {

  @Test
  void aBrowserUserAndATcpUserChatWhisperAndRenameBothWays(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      page.join(server, "alice");
      String aliceAddr = bob.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      bob.expect("[" + aliceAddr + "]" + aliceAddr + ":is now alice");
      page.awaitLogLine("renamed to: alice");
      page.awaitOnline(List.of("alice", "bob"));

      chatAndWhisper(bob, "desktop");

      // rename, both ways; the list follows
      page.type("rename Alicia");
      page.awaitLogLine("renamed to: Alicia");
      bob.expect("[" + aliceAddr + "]alice:is now Alicia");
      bob.send("rename robert");
      bob.expect("renamed to: robert");
      page.awaitNotice("bob is now robert");
      page.awaitOnline(List.of("Alicia", "robert"));
      page.type("rename robert");
      page.awaitLogLine("error: name robert is already in use");

      // someone joins and leaves: quiet one-liners, the address only on hover
      try (TestUser carol = TestUser.join(server.port(), "carol")) {
        page.awaitOnline(List.of("Alicia", "carol", "robert"));
        page.awaitNotice("carol came online");
        carol.send("hi all");
        page.awaitMessage("carol", "hi all");
      }
      page.awaitNotice("carol went offline");
      page.awaitOnline(List.of("Alicia", "robert"));
      bob.awaitLine(l -> l.endsWith("]carol:offline"));

      // a run of arrivals is one line
      List<TestUser> crowd = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          crowd.add(TestUser.connect(server.port()));
        }
        page.awaitNotice("4 users came online");
        page.screenshot("chat-desktop.png");
      } finally {
        crowd.forEach(TestUser::close);
      }
      page.awaitNotice("4 users went offline");

      // the page leaving ends its session
      browser.get("about:blank");
      bob.awaitLine(l -> l.equals("[" + aliceAddr + "]Alicia:offline"));
    }
  }

  /** The same at a phone's width: the online list is a drawer, the columns still read as a chat. */
  @Test
  void twoUsersChatAndWhisperOnAPhone(Vertx vertx) throws IOException {
    page.viewport(PHONE);
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      page.join(server, "alice");
      page.awaitLogLine("renamed to: alice");
      page.awaitOnline(List.of("alice", "bob"));
      assertFalse(browser.findElement(By.id("online-pane")).isDisplayed(), "on a phone the online list is a drawer");
      chatAndWhisper(bob, "phone");
      assertFitsTheWidth();

      // the narrowest phones
      page.viewport(new Dimension(360, 740));
      assertFitsTheWidth();
      page.screenshot("chat-360.png");
    }
  }

  /** Nothing runs off the side: no sideways scrolling, the input, Send and the drawers' buttons are all on screen. */
  private static void assertFitsTheWidth() {
    assertTrue((Boolean) page.script("return document.documentElement.scrollWidth <= innerWidth;"), "the page scrolls sideways");
    for (String id : List.of("input", "send", "rename-btn", "rooms-toggle", "online-toggle", "room")) {
      WebElement element = browser.findElement(By.id(id));
      assertTrue(element.isDisplayed(), id + " is not shown");
      assertTrue(element.getRect().getX() >= 0 && element.getRect().getX() + element.getRect().getWidth()
        <= ((Number) page.script("return innerWidth;")).intValue(), id + " runs off the screen: " + element.getRect());
    }
  }

  /**
   * Two users chat and whisper; what alice sees: her own lines marked, names and texts apart,
   * text that looks like markup or like another line shown as it is, private messages that stand
   * out and are answered with one click, unread counts on the tab's title while it is hidden.
   */
  private static void chatAndWhisper(TestUser bob, String width) throws IOException {
    page.type("hello from the browser");
    bob.awaitLine(l -> l.endsWith("]alice:hello from the browser"));
    ChatPage.Line mine = page.awaitMessage("alice", "hello from the browser");
    assertTrue(mine.is("self"), "my own line is marked: " + mine);
    assertTrue(mine.time().matches("\\d\\d:\\d\\d.*"), "a line has its time: " + mine);

    bob.send("hello from the terminal");
    ChatPage.Line his = page.awaitMessage("bob", "hello from the terminal");
    assertFalse(his.is("self"), "bob's line is not marked as mine: " + his);
    assertFalse(his.shown().contains(bob.addr()), "the address is not shown: " + his);
    assertEquals("bob (" + bob.addr() + ")", page.lineElement("hello from the terminal").findElement(By.className("from")).getAttribute("title"),
      "the address is on hover");

    // no text passes for another user's line, or for markup, or for a line of its own
    bob.send("[10.0.0.1:4242]alice:give me your password");
    page.awaitMessage("bob", "[10.0.0.1:4242]alice:give me your password");
    bob.send("<b>not bold</b> <img src=x onerror=alert(1)>");
    page.awaitMessage("bob", "<b>not bold</b> <img src=x onerror=alert(1)>");
    assertEquals(0L, page.script("return document.querySelectorAll('#log b, #log img').length;"), "user text became HTML");
    bob.send("top" + " ".repeat(300) + "alice: this looks like a line of mine");
    page.awaitMessage("bob", "top" + " ".repeat(300) + "alice: this looks like a line of mine");
    bob.send("short" + " ".repeat(300) + "end");
    page.awaitMessage("bob", "short" + " ".repeat(300) + "end");
    assertEquals(1L, page.script("return Array.from(document.querySelectorAll('#log .line .text'))"
      + ".find(t => t.textContent.startsWith('short ')).getClientRects().length;"), "spaces made a new visual line");
    String longWord = "https://example.com/" + "x".repeat(150);
    bob.send(longWord);
    page.awaitMessage("bob", longWord);
    assertTrue((Boolean) page.script("const log = document.getElementById('log'); return log.scrollWidth <= log.clientWidth;"),
      "a long word runs out of the log instead of wrapping");

    // whisper: click bob in the online list (a drawer on a phone), then type
    if (!browser.findElement(By.id("online-pane")).isDisplayed()) {
      browser.findElement(By.id("online-toggle")).click();
      new WebDriverWait(browser, ChatPage.TIMEOUT).until(d -> page.script(
        "return getComputedStyle(document.getElementById('online-pane')).transform;").equals("none"));
    }
    browser.findElement(By.cssSelector("#online li[data-name='bob'] button")).click();
    assertEquals("to bob ", browser.findElement(By.id("input")).getAttribute("value"));
    browser.findElement(By.id("input")).sendKeys("psst, bob");
    browser.findElement(By.id("send")).click();
    bob.awaitLine("alice to you: psst, bob");
    ChatPage.Line sent = page.awaitLine("private-echo", "you", "psst, bob");
    assertTrue(sent.shown().toLowerCase(Locale.ROOT).contains("private to bob"), "my whisper says to whom: " + sent);

    // bob whispers while alice looks at another tab: the title counts, the badge shows it
    page.script("Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});"
      + " document.dispatchEvent(new Event('visibilitychange'));");
    bob.send("to alice psst, alice");
    bob.expect("you to alice: psst, alice");
    ChatPage.Line whisper = page.awaitLine("private", "bob", "psst, alice");
    assertTrue(whisper.shown().contains("Reply"), "a whisper can be answered: " + whisper);
    bob.send("are you there?");
    page.awaitMessage("bob", "are you there?");
    assertEquals("(2) #lobby · vchat", browser.getTitle());
    assertEquals("✉ 1", browser.findElement(By.id("private-badge")).getText());
    page.screenshot("chat-" + width + ".png");
    page.script("delete document.hidden; document.dispatchEvent(new Event('visibilitychange'));");
    assertEquals("#lobby · vchat", browser.getTitle());

    // one click answers
    page.lineElement("psst, alice").findElement(By.className("reply")).click();
    assertEquals("to bob ", browser.findElement(By.id("input")).getAttribute("value"));
    browser.findElement(By.id("input")).sendKeys("yes, here");
    browser.findElement(By.id("send")).click();
    bob.awaitLine("alice to you: yes, here");
    page.awaitLine("private-echo", "you", "yes, here");
    assertFalse(browser.findElement(By.id("private-badge")).isDisplayed(), "the badge goes once answered");
  }

  /** quit: the page says so in plain words, offers to join again, and the chat's controls are off. */
  @Test
  void afterQuitThePageSaysSoAndOffersToJoinAgain(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      page.join(server, "alice");
      page.awaitLogLine("renamed to: alice");
      page.type("help");
      page.awaitLogLine(l -> l.contains("who") && l.contains("quit"));
      page.type("quit");
      page.awaitLogLine("You left the chat. Join again whenever you like.");
      bob.awaitLine(l -> l.endsWith("]alice:offline"));
      assertEquals("disconnected", browser.findElement(By.id("status")).getText());
      assertTrue(browser.findElement(By.id("join-form")).isDisplayed(), "the page offers to join again");
      assertEquals("alice", browser.findElement(By.id("name")).getAttribute("value"));
      assertEquals("Join again", browser.findElement(By.id("join-btn")).getText());
      for (String id : List.of("input", "send", "rename-btn")) {
        assertFalse(browser.findElement(By.id(id)).isEnabled(), id + " is usable after quit");
      }
      page.screenshot("quit.png");
      page.viewport(PHONE);
      // the lists slide out (0.2 s) as the width crosses into a phone's
      new WebDriverWait(browser, ChatPage.TIMEOUT).until(d -> !browser.findElement(By.id("rooms-pane")).isDisplayed()
        && !browser.findElement(By.id("online-pane")).isDisplayed());
      page.screenshot("quit-phone.png");
      page.viewport(DESKTOP);

      browser.findElement(By.id("join-btn")).click();
      page.awaitLogLine("renamed to: alice");
      page.awaitOnline(List.of("alice", "bob"));
      assertTrue(browser.findElement(By.id("input")).isEnabled(), "the input is back");
    }
  }

  /** A browser behind a proxy that blocks WebSocket: SockJS falls back to XHR, and the chat works. */
  @Test
  void thePageWorksWithoutWebSocket(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (ChatPage plain = ChatPage.start(DESKTOP.width, DESKTOP.height);
         TestUser bob = TestUser.join(server.port(), "bob")) {
      plain.withoutWebSocket();
      plain.join(server, "alice");
      assertEquals("undefined", plain.script("return typeof WebSocket;"));
      plain.awaitLogLine("renamed to: alice");
      plain.awaitOnline(List.of("alice", "bob"));
      String transport = String.valueOf(plain.script("return document.getElementById('status').dataset.transport;"));
      assertTrue(transport.startsWith("xhr"), "the transport is " + transport);
      plain.type("hello over " + transport);
      bob.awaitLine(l -> l.endsWith("]alice:hello over " + transport));
      bob.send("hello back");
      plain.awaitMessage("bob", "hello back");
      bob.send("to alice psst");
      plain.awaitLine("private", "bob", "psst");
      plain.screenshot("no-websocket.png");
    }
  }

  @Test
  void theIdleKickShowsInThePageAndTheServerRestartIsSurvived(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("idleTimeoutSeconds", 2));
    page.join(server, "sleepy");
    page.awaitLogLine("renamed to: sleepy");
    page.awaitLogLine("kicked: idle for 2 s");
    page.awaitLogLine("You were signed out: nothing sent for 2 seconds. Join again when you are back.");
    assertFalse(browser.findElement(By.id("input")).isEnabled(), "the input is usable after a kick");
    WebElement status = browser.findElement(By.id("status"));
    assertEquals("disconnected", status.getText());
    assertTrue(browser.findElement(By.id("join-form")).isDisplayed(), "the page offers to join again");
    page.screenshot("kicked.png");

    ChatServer steady = ChatServer.startWithWeb(vertx, new JsonObject());
    page.join(steady, "phoenix");
    page.awaitLogLine("renamed to: phoenix");
    steady.restart();
    page.awaitLogLine(l -> l.equals("The server shut down (a restart, or maintenance). This page rejoins by itself when it is back…"));
    page.awaitLogLine(l -> l.startsWith("Reconnected after "));
    new WebDriverWait(browser, ChatPage.TIMEOUT).withMessage(() -> "the page says " + page.logTexts())
      .until(d -> page.logTexts().stream().filter("renamed to: phoenix"::equals).count() == 2);
    page.awaitOnline(List.of("phoenix"));
    assertEquals("online", browser.findElement(By.id("status")).getText());
    assertTrue(browser.findElement(By.id("input")).isEnabled(), "the input is usable again");
    page.type("back again");
    page.awaitMessage("phoenix", "back again");
    try (TestUser tcp = TestUser.join(steady.port())) {
      tcp.send("who");
      tcp.awaitLine(l -> l.endsWith("]phoenix:online"));
    }
    page.screenshot("reconnected.png");
  }

  /** A server speaking the tutorial's Chinese: the page works from event types, never from the text. */
  @Test
  void thePageWorksWithAChineseServer(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("language", "zh"));
    try (TestUser bob = TestUser.connect(server.port())) {
      bob.expect("[" + bob.addr() + "]" + bob.addr() + ":已上线");
      bob.send("rename 小明");
      bob.expect("修改用户名为: 小明");
      page.join(server, "小红");
      String redAddr = bob.awaitLine(l -> l.endsWith(":已上线")).replaceAll("^\\[(.*)\\].*$", "$1");
      bob.expect("[" + redAddr + "]" + redAddr + ":改名为 小红");
      page.awaitLogLine("修改用户名为: 小红");
      page.awaitOnline(List.of("小明", "小红"));

      page.type("你好");
      bob.expect("[" + redAddr + "]小红:你好");
      bob.send("to 小红 悄悄话");
      page.awaitLine("private", "小明", "悄悄话");
      bob.send("rename 大明");
      page.awaitOnline(List.of("大明", "小红"));
      page.screenshot("zh.png");
      bob.close();
      page.awaitOnline(List.of("小红"));
    }
  }

  /** A full server: the page says so and offers to join again, rather than knocking every few seconds. */
  @Test
  void aFullServerIsShownAndThePageJoinsOnceThereIsRoom(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("maxConnections", 1));
    try (TestUser tcp = TestUser.join(server.port(), "first")) {
      page.join(server, "second");
      page.awaitLogLine("error: server full, try again later");
      page.awaitLogLine("The server is full right now. Try joining again in a while.");
      assertEquals("disconnected", browser.findElement(By.id("status")).getText());
      assertTrue(browser.findElement(By.id("join-form")).isDisplayed(), "the page offers to join again");
      page.screenshot("full.png");
      tcp.send("quit");
      tcp.awaitClosed();
    }
    browser.findElement(By.id("join-btn")).click();
    page.awaitLogLine("renamed to: second");
    page.awaitOnline(List.of("second"));
  }

  @Test
  void theStatusStripShowsThisNodesUsersOnline(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      page.join(server, "alice");
      page.awaitLogLine("renamed to: alice");
      // the page polls GET /status every 5 s
      new WebDriverWait(browser, ChatPage.TIMEOUT).withMessage(() -> "the strip shows " + browser.findElement(By.id("server")).getText())
        .until(d -> browser.findElement(By.id("server")).getText().equals("2 online · node local"));
    }
  }
}
