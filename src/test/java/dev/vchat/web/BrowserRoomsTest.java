package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rooms and history in a real browser (Debian's chromium, headless, driven by Selenium) with TCP
 * users beside it: the page's room list, switching rooms through it, history, the online list of
 * the room, and a reconnect that goes back to the room. Screenshots at desktop and phone width
 * go to {@code target/screenshots/}.
 */
class BrowserRoomsTest extends OneBrowser {

  private static final Duration TIMEOUT = ChatPage.TIMEOUT;

  @Test
  void theBrowserSwitchesToARoomSeesItsHistoryThenItsLiveLinesAndNotTheLobby(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser gopher = TestUser.join(server.port(), "gopher");
         TestUser lounger = TestUser.join(server.port(), "lounger")) {
      gopher.send("join #go");
      gopher.awaitLine("you are in #go");
      gopher.send("said before anyone came");
      gopher.awaitLine("[" + gopher.addr() + "]gopher:said before anyone came");

      page.join(server, "alice");
      page.awaitLogLine("renamed to: alice");
      assertEquals("#lobby", headerRoom());
      page.awaitOnline(List.of("alice", "lounger"));
      awaitRooms(List.of("#go 1", "#lobby 2"), "#lobby");

      // to #go by clicking it in the room list
      browser.findElement(By.cssSelector("#rooms li[data-room='#go'] button")).click();
      page.awaitLogLine("you are in #go");
      awaitHeaderRoom("#go");
      String history = "said before anyone came";
      page.awaitLine("history", "gopher", history);
      String aliceAddr = gopher.awaitLine(l -> l.endsWith("]alice:joined")).replaceAll("^\\[(.*)\\].*$", "$1");
      lounger.awaitLine("[" + aliceAddr + "]alice:left");
      page.awaitOnline(List.of("alice", "gopher"));
      awaitRooms(List.of("#go 2", "#lobby 1"), "#go");

      // live lines of #go, none of #lobby
      gopher.send("live from go");
      String live = "live from go";
      page.awaitMessage("gopher", live);
      lounger.send("only for the lobby");
      lounger.awaitLine("[" + lounger.addr() + "]lounger:only for the lobby");
      gopher.send("after the lobby line");
      page.awaitMessage("gopher", "after the lobby line");
      assertFalse(page.logLines().stream().anyMatch(l -> l.text().contains("only for the lobby")), "a #lobby line in #go: " + page.logLines());

      // the history line came after the room's divider, dimmed and with its time, before the live one
      List<ChatPage.Line> lines = page.logLines();
      int entered = indexOf(lines, "you are in #go");
      int earlier = indexOf(lines, history);
      int now = indexOf(lines, live);
      assertTrue(entered < earlier && earlier < now, "divider, history, live in that order: " + lines);
      assertTrue(lines.get(earlier).is("history"), "the history line is marked: " + lines.get(earlier));
      assertTrue(lines.get(earlier).time().matches(".*\\d\\d.*"), "the history line has a time: " + lines.get(earlier));
      assertFalse(lines.get(now).is("history"), "the live line is not marked: " + lines.get(now));

      // someone comes and goes: a quiet line each, and the online list follows
      lounger.send("join #go");
      lounger.awaitLine("you are in #go");
      page.awaitNotice("lounger joined");
      page.awaitOnline(List.of("alice", "gopher", "lounger"));
      lounger.send("join #lobby");
      lounger.awaitLine("you are in #lobby");
      page.awaitNotice("lounger left");
      page.awaitOnline(List.of("alice", "gopher"));
      assertTrue(logLine("lounger joined").is("joined"));
      browser.findElement(By.id("rooms-refresh")).click();
      awaitRooms(List.of("#go 2", "#lobby 1"), "#go");
      page.screenshot("rooms-desktop.png");

      // a phone: the lists are drawers; a new room through the room form
      page.viewport(PHONE);
      // the lists slide out (0.2 s) as the width crosses into a phone's
      awaitHidden("rooms-pane");
      awaitHidden("online-pane");
      page.screenshot("rooms-phone.png");
      browser.findElement(By.id("rooms-toggle")).click();
      awaitDisplayed("rooms-pane");
      awaitRooms(List.of("#go 2", "#lobby 1"), "#go");
      page.screenshot("rooms-phone-drawer.png");
      WebElement roomInput = browser.findElement(By.id("room-input"));
      roomInput.sendKeys("beach");
      browser.findElement(By.id("room-join")).click();
      awaitHeaderRoom("#beach");
      page.awaitLogLine("no earlier messages in #beach");
      gopher.awaitLine("[" + aliceAddr + "]alice:left");
      page.awaitOnline(List.of("alice"));
      awaitHidden("rooms-pane");
      browser.findElement(By.id("online-toggle")).click();
      awaitDisplayed("online-pane");
      page.screenshot("rooms-phone-online.png");
      new Actions(browser).sendKeys(Keys.ESCAPE).perform();
      awaitHidden("online-pane");
      page.screenshot("rooms-phone-beach.png");
    }
  }

  @Test
  void aReconnectedPageGoesBackToItsRoom(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    page.join(server, "phoenix");
    page.awaitLogLine("renamed to: phoenix");
    WebElement roomInput = browser.findElement(By.id("room-input"));
    roomInput.sendKeys("#ashes");
    browser.findElement(By.id("room-join")).click();
    awaitHeaderRoom("#ashes");
    page.awaitLogLine("no earlier messages in #ashes");

    server.restart();
    page.awaitLogLine(l -> l.startsWith("The server shut down "));
    page.awaitLogLine(l -> l.startsWith("Reconnected after ") && l.endsWith("goes back to #ashes."));
    awaitHeaderRoom("#ashes");
    try (TestUser tcp = TestUser.join(server.port(), "witness")) {
      tcp.send("join #ashes");
      tcp.awaitLine("you are in #ashes");
      tcp.send("who");
      tcp.awaitLine(l -> l.endsWith("]phoenix:online"));
      page.awaitOnline(List.of("phoenix", "witness"));
    }
    page.screenshot("rooms-reconnected.png");
  }

  /** Room names, events and errors from a server speaking Chinese: the page goes by event types. */
  @Test
  void roomsWorkWithAChineseServer(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("language", "zh"));
    try (TestUser ming = TestUser.connect(server.port())) {
      ming.expect("[" + ming.addr() + "]" + ming.addr() + ":已上线");
      ming.send("rename 小明");
      ming.expect("修改用户名为: 小明");
      ming.send("join #茶馆");
      ming.awaitLine("你已进入 #茶馆");
      ming.send("大家好");
      ming.awaitLine("[" + ming.addr() + "]小明:大家好");
      page.join(server, "小红");
      page.awaitLogLine("修改用户名为: 小红");
      awaitRooms(List.of("#lobby 1", "#茶馆 1"), "#lobby");
      browser.findElement(By.cssSelector("#rooms li[data-room='#茶馆'] button")).click();
      awaitHeaderRoom("#茶馆");
      page.awaitLine("history", "小明", "大家好");
      page.awaitOnline(List.of("小明", "小红"));
      ming.send("欢迎");
      page.awaitMessage("小明", "欢迎");
      page.type("join #茶馆");
      page.awaitLogLine("error: 你已在 #茶馆 中");
      assertEquals("#茶馆", headerRoom());
    }
  }

  // --- the page's rooms UI

  private static String headerRoom() {
    return browser.findElement(By.id("room")).getText();
  }

  private static void awaitHeaderRoom(String room) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "the header shows room " + headerRoom() + ", not " + room)
      .until(d -> headerRoom().equals(room));
  }

  private static void awaitDisplayed(String id) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> id + " is not shown")
      .until(d -> browser.findElement(By.id(id)).isDisplayed()
        && page.script("return getComputedStyle(document.getElementById('" + id + "')).transform;").equals("none"));
  }

  private static void awaitHidden(String id) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> id + " is still shown")
      .until(d -> !browser.findElement(By.id(id)).isDisplayed());
  }

  private static ChatPage.Line logLine(String text) {
    return page.logLines().stream().filter(l -> l.text().equals(text)).findFirst().orElseThrow();
  }

  private static int indexOf(List<ChatPage.Line> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).text().equals(text)) {
        return i;
      }
    }
    return -1;
  }

  /** The room list as "ROOM COUNT" lines, and the room marked as current. */
  private static void awaitRooms(List<String> rooms, String current) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "room list is " + roomList() + " with " + currentRoom() + " marked, not "
        + rooms + " with " + current)
      .until(d -> roomList().equals(rooms) && current.equals(currentRoom()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> roomList() {
    Object rooms = page.script("return Array.from(document.querySelectorAll('#rooms li'),"
      + " li => li.querySelector('.room-name').textContent + ' ' + li.querySelector('.room-count').textContent);");
    return List.copyOf((List<String>) rooms);
  }

  private static String currentRoom() {
    return String.valueOf(page.script("const li = document.querySelector('#rooms li.current'); return li ? li.dataset.room : null;"));
  }
}
