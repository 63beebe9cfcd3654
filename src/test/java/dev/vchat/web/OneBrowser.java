package dev.vchat.web;

import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;

/**
 * The browser tests' shared set-up: one headless chromium for the whole class (starting one
 * takes seconds), its viewport put back to desktop size before each test.
 */
@ExtendWith(VertxExtension.class)
abstract class OneBrowser {

  static final Dimension DESKTOP = new Dimension(1280, 800);
  static final Dimension PHONE = new Dimension(390, 844);

  static ChatPage page;
  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    page = ChatPage.start(DESKTOP.width, DESKTOP.height);
    browser = page.browser();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  @BeforeEach
  void desktopWidth() {
    page.viewport(DESKTOP);
  }
}
