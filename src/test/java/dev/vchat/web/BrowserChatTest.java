package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real browser (Debian's chromium, headless, driven by Selenium) and a raw TCP user in one
 * chat. The browser binaries must be installed: without them these tests fail, they never skip.
 */
@ExtendWith(VertxExtension.class)
class BrowserChatTest {

  private static ChatPage page;
  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    page = ChatPage.start(1100, 700);
    browser = page.browser();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  @Test
  void aBrowserUserAndATcpUserChatWhisperAndRenameBothWays(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      page.join(server, "alice");
      String aliceAddr = bob.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      bob.expect("[" + aliceAddr + "]" + aliceAddr + ":is now alice");
      page.awaitLogLine("renamed to: alice");
      page.awaitOnline(List.of("alice", "bob"));

      // chat, both ways
      page.type("hello from the browser");
      bob.expect("[" + aliceAddr + "]alice:hello from the browser");
      bob.send("hello from the terminal");
      page.awaitLogLine("[" + bob.addr() + "]bob:hello from the terminal");

      // whisper: click bob in the list, then type
      browser.findElement(By.cssSelector("#online li[data-name='bob'] button")).click();
      assertEquals("to bob ", browser.findElement(By.id("input")).getAttribute("value"));
      browser.findElement(By.id("input")).sendKeys("psst, bob");
      browser.findElement(By.id("send")).click();
      bob.awaitLine("alice to you: psst, bob");
      page.awaitLogLine("you to bob: psst, bob");
      bob.send("to alice psst, alice");
      bob.expect("you to alice: psst, alice");
      page.awaitLogLine("bob to you: psst, alice");

      // rename, both ways; the list follows
      page.type("rename Alicia");
      page.awaitLogLine("renamed to: Alicia");
      bob.expect("[" + aliceAddr + "]alice:is now Alicia");
      bob.send("rename robert");
      bob.expect("renamed to: robert");
      page.awaitLogLine("[" + bob.addr() + "]bob:is now robert");
      page.awaitOnline(List.of("Alicia", "robert"));
      page.type("rename robert");
      page.awaitLogLine("error: name robert is already in use");

      // someone joins and leaves
      try (TestUser carol = TestUser.join(server.port(), "carol")) {
        page.awaitOnline(List.of("Alicia", "carol", "robert"));
        carol.send("hi all");
        page.awaitLogLine("[" + carol.addr() + "]carol:hi all");
        page.screenshot("chat.png");
      }
      page.awaitLogLine(l -> l.endsWith("]carol:offline"));
      page.awaitOnline(List.of("Alicia", "robert"));
      bob.awaitLine(l -> l.endsWith("]carol:offline"));

      // the page leaving ends its session
      browser.get("about:blank");
      bob.awaitLine(l -> l.equals("[" + aliceAddr + "]Alicia:offline"));
    }
  }

  @Test
  void theIdleKickShowsInThePageAndTheServerRestartIsSurvived(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("idleTimeoutSeconds", 2));
    page.join(server, "sleepy");
    page.awaitLogLine("renamed to: sleepy");
    page.awaitLogLine("kicked: idle for 2 s");
    page.awaitLogLine(l -> l.startsWith("The server disconnected you (kicked: idle for 2 s)"));
    WebElement status = browser.findElement(By.id("status"));
    assertEquals("disconnected", status.getText());
    assertTrue(browser.findElement(By.id("join-form")).isDisplayed(), "the page offers to join again");
    page.screenshot("kicked.png");

    ChatServer steady = ChatServer.startWithWeb(vertx, new JsonObject());
    page.join(steady, "phoenix");
    page.awaitLogLine("renamed to: phoenix");
    steady.restart();
    page.awaitLogLine(l -> l.startsWith("Lost the connection to the server"));
    page.awaitLogLine(l -> l.startsWith("Reconnected: the connection was lost"));
    page.awaitLogLine("renamed to: phoenix");
    page.awaitOnline(List.of("phoenix"));
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
      page.awaitLogLine("小明对你说: 悄悄话");
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
      page.awaitLogLine("The server turned this page away (error: server full, try again later). Join again in a while.");
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
