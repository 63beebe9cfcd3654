package dev.vchat.web;

import dev.vchat.support.ChatServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat page in Debian's chromium, headless, driven by Selenium: what the browser tests do
 * with it and read from it. The browser binaries must be installed: without them the tests fail,
 * they never skip.
 */
final class ChatPage implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  /**
   * A line of the log as a user sees it: its text (the text column), the sender in the name column
   * (empty for notices), its classes (the event type, {@code self}, {@code history} ...), its time,
   * and the whole row as rendered ({@code innerText}: time, name, text, tags and buttons).
   */
  record Line(String text, String name, String classes, String time, String shown) {

    boolean is(String cls) {
      return List.of(classes.split(" ")).contains(cls);
    }
  }

  private final Path profile;
  private final ChromeDriver browser;

  private ChatPage(Path profile, ChromeDriver browser) {
    this.profile = profile;
    this.browser = browser;
  }

  /** Starts chromium with a fresh profile and a window of {@code width} × {@code height}. */
  static ChatPage start(int width, int height) throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install chromium");
    assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing: apt-get install chromium-driver");
    Path profile = Files.createTempDirectory("vchat-chromium");
    ChromeOptions options = new ChromeOptions()
      .setBinary(CHROMIUM.toFile())
      .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChatPage(profile, new ChromeDriver(service, options));
  }

  ChromeDriver browser() {
    return browser;
  }

  /** Opens the page of {@code server} and joins as {@code name}. */
  void join(ChatServer server, String name) {
    browser.get(server.webUrl());
    WebElement field = browser.findElement(By.id("name"));
    field.clear();
    field.sendKeys(name);
    browser.findElement(By.id("join-btn")).click();
  }

  /** Opens the page with no {@code window.WebSocket}, as in a browser behind a proxy that blocks WebSocket. */
  void withoutWebSocket() {
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
      Map.of("source", "delete window.WebSocket; delete window.MozWebSocket;"));
  }

  /** Types a line into the chat input and sends it. */
  void type(String line) {
    WebElement input = browser.findElement(By.id("input"));
    input.clear();
    input.sendKeys(line);
    browser.findElement(By.id("send")).click();
  }

  void awaitLogLine(String line) {
    awaitLogLine(line::equals);
  }

  void awaitLogLine(Predicate<String> match) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "no such line in the page; it shows " + logTexts())
      .until(d -> logTexts().stream().anyMatch(match));
  }

  /** Waits for a chat message: {@code name} in the name column, {@code text} in the text column. */
  Line awaitMessage(String name, String text) {
    return awaitLine("chat", name, text);
  }

  /** Waits for a line of this type (a class, e.g. {@code private}) with this sender and text. */
  Line awaitLine(String cls, String name, String text) {
    return new WebDriverWait(browser, TIMEOUT)
      .withMessage(() -> "no " + cls + " line '" + name + "': '" + text + "' in the page; it shows " + logLines())
      .until(d -> logLines().stream().filter(l -> l.is(cls) && l.name().equals(name) && l.text().equals(text))
        .findFirst().orElse(null));
  }

  /** Waits for a quiet one-liner (joins, leaves, renames) reading {@code shown}. */
  void awaitNotice(String shown) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "no notice '" + shown + "' in the page; it shows " + logLines())
      .until(d -> logLines().stream().anyMatch(l -> l.is("notice") && l.text().equals(shown)));
  }

  /** The element of the log's line with this text, to look at or click into. */
  WebElement lineElement(String text) {
    return browser.findElements(By.cssSelector("#log .line")).stream()
      .filter(e -> e.findElement(By.className("text")).getText().equals(text)).findFirst().orElseThrow();
  }

  List<String> logTexts() {
    return logLines().stream().map(Line::text).toList();
  }

  /** Read in one script call: the page may add lines between two WebDriver calls. */
  @SuppressWarnings("unchecked")
  List<Line> logLines() {
    Object lines = script("return Array.from(document.querySelectorAll('#log .line'),"
      + " l => ({text: l.querySelector('.text').textContent, name: l.querySelector('.from').textContent,"
      + " classes: l.className, time: l.querySelector('.time').textContent, shown: l.innerText}));");
    return ((List<Map<String, String>>) lines).stream()
      .map(l -> new Line(l.get("text"), l.get("name"), l.get("classes"), l.get("time"), l.get("shown"))).toList();
  }

  void awaitOnline(List<String> names) {
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "online list is " + onlineNames() + ", not " + names)
      .until(d -> onlineNames().equals(names));
  }

  /** Read in one script call: the page may rebuild the list between two WebDriver calls. */
  @SuppressWarnings("unchecked")
  List<String> onlineNames() {
    Object names = script("return Array.from(document.querySelectorAll('#online li'), li => li.getAttribute('data-name'));");
    return List.copyOf((List<String>) names);
  }

  /** The viewport (not the window, which is larger) at exactly this size; below 600 px wide a mobile one. */
  void viewport(Dimension size) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
      "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", size.width < 600));
    new WebDriverWait(browser, TIMEOUT).withMessage(() -> "the viewport is " + script("return innerWidth + 'x' + innerHeight;"))
      .until(d -> script("return innerWidth + 'x' + innerHeight;").equals(size.width + "x" + size.height));
  }

  Object script(String js) {
    return browser.executeScript(js);
  }

  /** Saves what the page shows to {@code target/screenshots/NAME}. */
  void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() throws IOException {
    browser.quit();
    try (var files = Files.walk(profile)) {
      files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
    }
  }
}
