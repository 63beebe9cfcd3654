package dev.vchat.core;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When two names are the same name ({@link Names#key}), and which names may be chosen. */
class NamesTest {

  @Test
  void namesThatLookAlikeShareAKey() {
    for (String lookAlike : List.of(
      "bob", "BOB", "Bob",
      "b\u043eb", // Cyrillic о
      "b\u03bfb", // Greek ο
      "\uff42\uff4f\uff42", // fullwidth
      "B\u041eB", // Cyrillic capital О
      "b0b", // digit zero looks like O, and O is the same name as o
      "bob\u3164")) { // an invisible Hangul filler
      assertEquals("bob", Names.key(lookAlike), lookAlike);
    }
    assertEquals(Names.key("Zo\u00eb"), Names.key("Zoe\u0308"), "composed and decomposed ë");
    assertEquals(Names.key("straße"), Names.key("STRASSE"));
  }

  @Test
  void differentNamesKeepDifferentKeys() {
    List<String> names = List.of("bob", "bobby", "ann", "anna", "小明", "小红", "李雷", "x_y", "x-y", "x.y");
    Set<String> keys = new HashSet<>();
    names.forEach(name -> keys.add(Names.key(name)));
    assertEquals(names.size(), keys.size(), keys.toString());
  }

  @Test
  void initialNamesOfDifferentAddressesKeepDifferentKeys() {
    Set<String> keys = new HashSet<>();
    String addressCharacters = "0123456789abcdef:.";
    addressCharacters.chars().forEach(c -> keys.add(Names.key(Character.toString(c))));
    assertEquals(addressCharacters.length(), keys.size(), "each character of an address keeps its own key: " + keys);
    assertNotEquals(Names.key("127.0.0.1:55070"), Names.key("127.0.0.1:55071"));
    assertNotEquals(Names.key("0:0:0:0:0:0:0:1:5000"), Names.key("0:0:0:0:0:0:0:1:5001"));
    assertFalse(Names.key("fe80:0:0:0:1%eth0:80").isEmpty());
  }

  @Test
  void chosenNamesMayMixScriptsButNotHideText() {
    for (String good : List.of("小明", "b\u043eb", "Zoë", "李Lee")) {
      assertTrue(Names.isValid(good), good);
    }
    for (String bad : List.of("b\u202eob", "\u2066bob\u2069", "bo\u200db", "\u3164", "\u3164\u3164")) {
      assertFalse(Names.isValid(bad), bad);
    }
  }

  @Test
  void listsAreSortedForReadersNotBySkeleton() {
    assertTrue(Names.sortKey("Mary").compareTo(Names.sortKey("nick")) < 0, "the skeleton of mary is rnary");
    assertEquals(Names.sortKey("ｂｏｂ"), Names.sortKey("BOB"));
  }
}
