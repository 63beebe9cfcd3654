package dev.vchat.core;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names, sanitizing and texts: the rules that need no network. */
class ChatRulesTest {

  @Test
  void chosenNames() {
    for (String good : new String[] {"a", "Zoë", "李雷", "x_y-z.1", "a".repeat(32), "𝒜bc"}) {
      assertTrue(Names.isValid(good), good);
    }
    for (String bad : new String[] {"", "a b", "a|b", "a:b", "[a]", "a".repeat(33), "a\tb", "émoji😀"}) {
      assertFalse(Names.isValid(bad), bad);
    }
    assertEquals(Names.key("ALICE"), Names.key("alice"));
    assertEquals(Names.key("STRASSE"), Names.key("straße"));
  }

  @Test
  void controlCharactersGoTabsStay() {
    assertEquals("[2Jhi\tthere", TextSanitizer.strip("\u001b[2Jhi\tthere\u0007"));
    assertEquals("ab", TextSanitizer.strip("a\u0085\u009b\u007fb"));
    String clean = "plain text";
    assertTrue(clean == TextSanitizer.strip(clean), "clean text is not copied");
  }

  @Test
  void bidiOverridesAndIsolatesGoOtherDirectionalTextStays() {
    assertEquals("abcdefgh", TextSanitizer.strip("a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067\u2068\u2069h"));
    String rightToLeft = "\u05e9\u05dc\u05d5\u05dd, \u0645\u0631\u062d\u0628\u0627 ok";
    assertTrue(rightToLeft == TextSanitizer.strip(rightToLeft), "right-to-left text stays, and is not copied");
  }

  @Test
  void placeholdersInUserTextAreNotExpanded() {
    Catalogue en = new Catalogue(Language.EN);
    assertEquals("[1.2.3.4:5]ann:{name} {text}", en.render(Events.chat("s", "1.2.3.4:5", "ann", "{name} {text}", "#lobby")));
  }

  @Test
  void everyEventAndErrorHasATextInBothLanguages() {
    for (Language language : Language.values()) {
      Catalogue catalogue = new Catalogue(language);
      for (String type : new String[] {Events.ONLINE, Events.OFFLINE, Events.CHAT, Events.RENAME, Events.WHO,
        Events.RENAMED, Events.NAME_LOST, Events.PRIVATE, Events.PRIVATE_ECHO, Events.KICKED, Events.BYE, Events.HELP,
        Events.SHUTDOWN}) {
        assertFalse(catalogue.render(new JsonObject().put(Events.TYPE, type)).isBlank(), type);
      }
      for (ErrorCode code : ErrorCode.values()) {
        assertTrue(catalogue.render(Events.error(code)).startsWith("error: "), code + " in " + language);
      }
    }
  }
}
