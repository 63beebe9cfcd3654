package dev.vchat.support;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Everyone asks for the same name at once: exactly one gets it, the rest are told it is taken. */
public final class NameRace {

  private NameRace() {
  }

  public static void assertOneWinner(List<TestUser> users, String name) {
    users.forEach(user -> user.send("rename " + name));
    int winners = 0;
    for (TestUser user : users) {
      String answer = user.awaitLine(line -> line.startsWith("renamed to: ") || line.startsWith("error: "));
      if (answer.equals("renamed to: " + name)) {
        winners++;
      } else {
        assertEquals("error: name " + name + " is already in use", answer);
      }
    }
    assertEquals(1, winners, "winners of " + name);
  }
}
