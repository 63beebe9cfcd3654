package dev.vchat.web;

import dev.vchat.support.ChatServer;
import dev.vchat.support.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rooms and history in a real browser (Debian's chromium, headless, driven by Selenium) with TCP
 * users beside it: the page's room list, switching rooms through it, history, the online list of
 * the room, and a reconnect that goes back to the room. Screenshots at desktop and phone width
 * go to {@code target/screenshots/}.
 */
@ExtendWith(VertxExtension.class)
class BrowserRoomsTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Dimension DESKTOP = new Dimension(1280, 800);
  private static final Dimension PHONE = new Dimension(390, 844);

  private static Path profile;
  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install chromium");
    assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing: apt-get install chromium-driver");
    profile = Files.createTempDirectory("vchat-chromium");
    ChromeOptions options = new ChromeOptions()
      .setBinary(CHROMIUM.toFile())
      .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--window-size=1280,800", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @BeforeEach
  void desktopWidth() {
    resize(DESKTOP);
  }

  @Test
  void theBrowserSwitchesToARoomSeesItsHistoryThenItsLiveLinesAndNotTheLobby(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser gopher = TestUser.join(server.port(), "gopher");
         TestUser lounger = TestUser.join(server.port(), "lounger")) {
      gopher.send("join #go");
      gopher.awaitLine("you are in #go");
      gopher.send("said before anyone came");
      gopher.awaitLine("[" + gopher.addr() + "]gopher:said before anyone came");

      join(server, "alice");
      awaitLogLine("renamed to: alice");
      assertEquals("#lobby", headerRoom());
      awaitOnline(List.of("alice", "lounger"));
      awaitRooms(List.of("#go 1", "#lobby 2"), "#lobby");

      // to #go by clicking it in the room list
      browser.findElement(By.cssSelector("#rooms li[data-room='#go'] button")).click();
      awaitLogLine("you are in #go");
      awaitHeaderRoom("#go");
      String history = "[" + gopher.addr() + "]gopher:said before anyone came";
      awaitLogLine(history);
      String aliceAddr = gopher.awaitLine(l -> l.endsWith("]alice:joined")).replaceAll("^\\[(.*)\\].*$", "$1");
      lounger.awaitLine("[" + aliceAddr + "]alice:left");
      awaitOnline(List.of("alice", "gopher"));
      awaitRooms(List.of("#go 2", "#lobby 1"), "#go");

      // live lines of #go, none of #lobby
      gopher.send("live from go");
      String live = "[" + gopher.addr() + "]gopher:live from go";
      awaitLogLine(live);
      lounger.send("only for the lobby");
      lounger.awaitLine("[" + lounger.addr() + "]lounger:only for the lobby");
      gopher.send("after the lobby line");
      awaitLogLine("[" + gopher.addr() + "]gopher:after the lobby line");
      assertFalse(logLines().stream().anyMatch(l -> l.text().contains("only for the lobby")), "a #lobby line in #go: " + logLines());

      // the history line came after the room's divider, dimmed and with its time, before the live one
      List<Line> lines = logLines();
      int entered = indexOf(lines, "you are in #go");
      int earlier = indexOf(lines, history);
      int now = indexOf(lines, live);
      assertTrue(entered < earlier && earlier < now, "divider, history, live in that order: " + lines);
      assertTrue(lines.get(earlier).classes().contains("history"), "the history line is marked: " + lines.get(earlier));
      assertTrue(lines.get(earlier).time().matches(".*\\d\\d.*"), "the history line has a time: " + lines.get(earlier));
      assertFalse(lines.get(now).classes().contains("history"), "the live line is not marked: " + lines.get(now));

      // someone comes and goes: a quiet line each, and the online list follows
      lounger.send("join #go");
      lounger.awaitLine("you are in #go");
      awaitLogLine("[" + lounger.addr() + "]lounger:joined");
      awaitOnline(List.of("alice", "gopher", "lounger"));
      lounger.send("join #lobby");
      lounger.awaitLine("you are in #lobby");
      awaitLogLine("[" + lounger.addr() + "]lounger:left");
      awaitOnline(List.of("alice", "gopher"));
      assertTrue(logLine("[" + lounger.addr() + "]lounger:joined").classes().contains("joined"));
      browser.findElement(By.id("rooms-refresh")).click();
      awaitRooms(List.of("#go 2", "#lobby 1"), "#go");
      screenshot("rooms-desktop.png");

      // a phone: the lists are drawers; a new room through the room form
      resize(PHONE);
      // the lists slide out (0.2 s) as the width crosses into a phone's
      awaitHidden("rooms-pane");
      awaitHidden("online-pane");
      screenshot("rooms-phone.png");
      browser.findElement(By.id("rooms-toggle")).click();
      awaitDisplayed("rooms-pane");
      awaitRooms(List.of("#go 2", "#lobby 1"), "#go");
      screenshot("rooms-phone-drawer.png");
      WebElement roomInput = browser.findElement(By.id("room-input"));
      roomInput.sendKeys("beach");
      browser.findElement(By.id("room-join")).click();
      awaitHeaderRoom("#beach");
      awaitLogLine("no earlier messages in #beach");
      gopher.awaitLine("[" + aliceAddr + "]alice:left");
      awaitOnline(List.of("alice"));
      awaitHidden("rooms-pane");
      browser.findElement(By.id("online-toggle")).click();
      awaitDisplayed("online-pane");
      screenshot("rooms-phone-online.png");
      new Actions(browser).sendKeys(Keys.ESCAPE).perform();
      awaitHidden("online-pane");
      screenshot("rooms-phone-beach.png");
    }
  }

  @Test
  void aReconnectedPageGoesBackToItsRoom(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    join(server, "phoenix");
    awaitLogLine("renamed to: phoenix");
    WebElement roomInput = browser.findElement(By.id("room-input"));
    roomInput.sendKeys("#ashes");
    browser.findElement(By.id("room-join")).click();
    awaitHeaderRoom("#ashes");
    awaitLogLine("no earlier messages in #ashes");

    server.restart();
    awaitLogLine(l -> l.startsWith("Lost the connection to the server"));
    awaitLogLine(l -> l.startsWith("Reconnected: the connection was lost") && l.endsWith("goes back to #ashes."));
    awaitHeaderRoom("#ashes");
    try (TestUser tcp = TestUser.join(server.port(), "witness")) {
      tcp.send("join #ashes");
      tcp.awaitLine("you are in #ashes");
      tcp.send("who");
      tcp.awaitLine(l -> l.endsWith("]phoenix:online"));
      awaitOnline(List.of("phoenix", "witness"));
    }
    screenshot("rooms-reconnected.png");
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
      join(server, "小红");
      awaitLogLine("修改用户名为: 小红");
      awaitRooms(List.of("#lobby 1", "#茶馆 1"), "#lobby");
      browser.findElement(By.cssSelector("#rooms li[data-room='#茶馆'] button")).click();
      awaitHeaderRoom("#茶馆");
      awaitLogLine("[" + ming.addr() + "]小明:大家好");
      awaitOnline(List.of("小明", "小红"));
      ming.send("欢迎");
      awaitLogLine("[" + ming.addr() + "]小明:欢迎");
      type("join #茶馆");
      awaitLogLine("error: 你已在 #茶馆 中");
      assertEquals("#茶馆", headerRoom());
    }
  }

  // --- the page

  private static void join(ChatServer server, String name) {
    browser.get(server.webUrl());
    WebElement field = browser.findElement(By.id("name"));
    field.clear();
    field.sendKeys(name);
    browser.findElement(By.id("join-btn")).click();
  }

  private static void type(String line) {
    WebElement input = browser.findElement(By.id("input"));
    input.clear();
    input.sendKeys(line);
    browser.findElement(By.id("send")).click();
  }

  /** The viewport (not the window, which is larger) at exactly this size; a phone's is a mobile one. */
  private static void resize(Dimension size) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
      "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", size.width < 600));
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "the viewport is " + script("return innerWidth + 'x' + innerHeight;"))
      .until(d -> script("return innerWidth + 'x' + innerHeight;").equals(size.width + "x" + size.height));
  }

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
        && script("return getComputedStyle(document.getElementById('" + id + "')).transform;").equals("none"));
  }

  private static void awaitHidden(String id) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> id + " is still shown")
      .until(d -> !browser.findElement(By.id(id)).isDisplayed());
  }

  private record Line(String text, String classes, String time) {
  }

  private static void awaitLogLine(String line) {
    awaitLogLine(line::equals);
  }

  private static void awaitLogLine(Predicate<String> match) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "no such line in the page; it shows " + logLines())
      .until(d -> logLines().stream().map(Line::text).anyMatch(match));
  }

  private static Line logLine(String text) {
    return logLines().stream().filter(l -> l.text().equals(text)).findFirst().orElseThrow();
  }

  private static int indexOf(List<Line> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).text().equals(text)) {
        return i;
      }
    }
    return -1;
  }

  /** Read in one script call: the page may add lines between two WebDriver calls. */
  @SuppressWarnings("unchecked")
  private static List<Line> logLines() {
    Object lines = script("return Array.from(document.querySelectorAll('#log .line'),"
      + " l => ({text: l.textContent, classes: l.className, time: l.dataset.time || ''}));");
    return ((List<Map<String, String>>) lines).stream()
      .map(l -> new Line(l.get("text"), l.get("classes"), l.get("time"))).toList();
  }

  private static void awaitOnline(List<String> names) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "online list is " + onlineNames() + ", not " + names)
      .until(d -> onlineNames().equals(names));
  }

  @SuppressWarnings("unchecked")
  private static List<String> onlineNames() {
    Object names = script("return Array.from(document.querySelectorAll('#online li'), li => li.getAttribute('data-name'));");
    return List.copyOf((List<String>) names);
  }

  /** The room list as "ROOM COUNT" lines, and the room marked as current. */
  private static void awaitRooms(List<String> rooms, String current) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "room list is " + roomList() + " with " + currentRoom() + " marked, not "
        + rooms + " with " + current)
      .until(d -> roomList().equals(rooms) && current.equals(currentRoom()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> roomList() {
    Object rooms = script("return Array.from(document.querySelectorAll('#rooms li'),"
      + " li => li.querySelector('.room-name').textContent + ' ' + li.querySelector('.room-count').textContent);");
    return List.copyOf((List<String>) rooms);
  }

  private static String currentRoom() {
    return String.valueOf(script("const li = document.querySelector('#rooms li.current'); return li ? li.dataset.room : null;"));
  }

  private static Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  private static void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
