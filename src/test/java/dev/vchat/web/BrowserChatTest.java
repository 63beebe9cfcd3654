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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real browser (Debian's chromium, headless, driven by Selenium) and a raw TCP user in one
 * chat. The browser binaries must be installed: without them these tests fail, they never skip.
 */
@ExtendWith(VertxExtension.class)
class BrowserChatTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

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
        "--window-size=1100,700", "--user-data-dir=" + profile);
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

  @Test
  void aBrowserUserAndATcpUserChatWhisperAndRenameBothWays(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      join(server, "alice");
      String aliceAddr = bob.awaitLine(l -> l.endsWith(":online")).replaceAll("^\\[(.*)\\].*$", "$1");
      bob.expect("[" + aliceAddr + "]" + aliceAddr + ":is now alice");
      awaitLogLine("renamed to: alice");
      awaitOnline(List.of("alice", "bob"));

      // chat, both ways
      type("hello from the browser");
      bob.expect("[" + aliceAddr + "]alice:hello from the browser");
      bob.send("hello from the terminal");
      awaitLogLine("[" + bob.addr() + "]bob:hello from the terminal");

      // whisper: click bob in the list, then type
      browser.findElement(By.cssSelector("#online li[data-name='bob'] button")).click();
      assertEquals("to bob ", browser.findElement(By.id("input")).getAttribute("value"));
      browser.findElement(By.id("input")).sendKeys("psst, bob");
      browser.findElement(By.id("send")).click();
      bob.awaitLine("alice to you: psst, bob");
      awaitLogLine("you to bob: psst, bob");
      bob.send("to alice psst, alice");
      bob.expect("you to alice: psst, alice");
      awaitLogLine("bob to you: psst, alice");

      // rename, both ways; the list follows
      type("rename Alicia");
      awaitLogLine("renamed to: Alicia");
      bob.expect("[" + aliceAddr + "]alice:is now Alicia");
      bob.send("rename robert");
      bob.expect("renamed to: robert");
      awaitLogLine("[" + bob.addr() + "]bob:is now robert");
      awaitOnline(List.of("Alicia", "robert"));
      type("rename robert");
      awaitLogLine("error: name robert is already in use");

      // someone joins and leaves
      try (TestUser carol = TestUser.join(server.port(), "carol")) {
        awaitOnline(List.of("Alicia", "carol", "robert"));
        carol.send("hi all");
        awaitLogLine("[" + carol.addr() + "]carol:hi all");
        screenshot("chat.png");
      }
      awaitLogLine(l -> l.endsWith("]carol:offline"));
      awaitOnline(List.of("Alicia", "robert"));
      bob.awaitLine(l -> l.endsWith("]carol:offline"));

      // the page leaving ends its session
      browser.get("about:blank");
      bob.awaitLine(l -> l.equals("[" + aliceAddr + "]Alicia:offline"));
    }
  }

  @Test
  void theIdleKickShowsInThePageAndTheServerRestartIsSurvived(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("idleTimeoutSeconds", 2));
    join(server, "sleepy");
    awaitLogLine("renamed to: sleepy");
    awaitLogLine("kicked: idle for 2 s");
    awaitLogLine(l -> l.startsWith("The server disconnected you (kicked: idle for 2 s)"));
    WebElement status = browser.findElement(By.id("status"));
    assertEquals("disconnected", status.getText());
    assertTrue(browser.findElement(By.id("join-form")).isDisplayed(), "the page offers to join again");
    screenshot("kicked.png");

    ChatServer steady = ChatServer.startWithWeb(vertx, new JsonObject());
    join(steady, "phoenix");
    awaitLogLine("renamed to: phoenix");
    steady.restart();
    awaitLogLine(l -> l.startsWith("Lost the connection to the server"));
    awaitLogLine(l -> l.startsWith("Reconnected: the connection was lost"));
    awaitLogLine("renamed to: phoenix");
    awaitOnline(List.of("phoenix"));
    try (TestUser tcp = TestUser.join(steady.port())) {
      tcp.send("who");
      tcp.awaitLine(l -> l.endsWith("]phoenix:online"));
    }
    screenshot("reconnected.png");
  }

  /** A server speaking the tutorial's Chinese: the page works from event types, never from the text. */
  @Test
  void thePageWorksWithAChineseServer(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("language", "zh"));
    try (TestUser bob = TestUser.connect(server.port())) {
      bob.expect("[" + bob.addr() + "]" + bob.addr() + ":已上线");
      bob.send("rename 小明");
      bob.expect("修改用户名为: 小明");
      join(server, "小红");
      String redAddr = bob.awaitLine(l -> l.endsWith(":已上线")).replaceAll("^\\[(.*)\\].*$", "$1");
      bob.expect("[" + redAddr + "]" + redAddr + ":改名为 小红");
      awaitLogLine("修改用户名为: 小红");
      awaitOnline(List.of("小明", "小红"));

      type("你好");
      bob.expect("[" + redAddr + "]小红:你好");
      bob.send("to 小红 悄悄话");
      awaitLogLine("小明对你说: 悄悄话");
      bob.send("rename 大明");
      awaitOnline(List.of("大明", "小红"));
      screenshot("zh.png");
      bob.close();
      awaitOnline(List.of("小红"));
    }
  }

  /** A full server: the page says so and offers to join again, rather than knocking every few seconds. */
  @Test
  void aFullServerIsShownAndThePageJoinsOnceThereIsRoom(Vertx vertx) throws IOException {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject().put("maxConnections", 1));
    try (TestUser tcp = TestUser.join(server.port(), "first")) {
      join(server, "second");
      awaitLogLine("error: server full, try again later");
      awaitLogLine("The server turned this page away (error: server full, try again later). Join again in a while.");
      assertEquals("disconnected", browser.findElement(By.id("status")).getText());
      assertTrue(browser.findElement(By.id("join-form")).isDisplayed(), "the page offers to join again");
      screenshot("full.png");
      tcp.send("quit");
      tcp.awaitClosed();
    }
    browser.findElement(By.id("join-btn")).click();
    awaitLogLine("renamed to: second");
    awaitOnline(List.of("second"));
  }

  @Test
  void theStatusStripShowsThisNodesUsersOnline(Vertx vertx) {
    ChatServer server = ChatServer.startWithWeb(vertx, new JsonObject());
    try (TestUser bob = TestUser.join(server.port(), "bob")) {
      join(server, "alice");
      awaitLogLine("renamed to: alice");
      // the page polls GET /status every 5 s
      new WebDriverWait(browser, TIMEOUT).withMessage(() -> "the strip shows " + browser.findElement(By.id("server")).getText())
        .until(d -> browser.findElement(By.id("server")).getText().equals("2 online · node local"));
    }
  }

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

  private static void awaitLogLine(String line) {
    awaitLogLine(line::equals);
  }

  private static void awaitLogLine(Predicate<String> match) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "no such line in the page; it shows " + logLines())
      .until(d -> logLines().stream().anyMatch(match));
  }

  private static List<String> logLines() {
    return browser.findElements(By.cssSelector("#log .line")).stream().map(WebElement::getText).toList();
  }

  private static void awaitOnline(List<String> names) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "online list is " + onlineNames() + ", not " + names)
      .until(d -> onlineNames().equals(names));
  }

  /** Read in one script call: the page may rebuild the list between two WebDriver calls. */
  @SuppressWarnings("unchecked")
  private static List<String> onlineNames() {
    Object names = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
      "return Array.from(document.querySelectorAll('#online li'), li => li.getAttribute('data-name'));");
    return List.copyOf((List<String>) names);
  }

  private static void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
