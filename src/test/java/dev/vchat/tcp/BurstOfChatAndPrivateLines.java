package dev.vchat.tcp;

import dev.vchat.support.TestUser;

import java.nio.charset.StandardCharsets;

/**
 * ann sends, in one write, rounds of a chat line and a private message to bob and to cat; each
 * of them must see ann's chat line before ann's private message of the same round, every round
 * in order.
 */
final class BurstOfChatAndPrivateLines {

  private BurstOfChatAndPrivateLines() {
  }

  /** {@code catAs} is how ann spells cat's name (another case must reach cat too). */
  static void sendAndCheck(TestUser ann, TestUser bob, TestUser cat, String catAs, int rounds) {
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < rounds; i++) {
      burst.append("b").append(i).append('\n')
        .append("to bob p").append(i).append('\n')
        .append("to ").append(catAs).append(" q").append(i).append('\n');
    }
    ann.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
    String said = "[" + ann.addr() + "]ann:b";
    for (int i = 0; i < rounds; i++) {
      ann.expect(said + i);
      ann.expect("you to bob: p" + i);
      ann.expect("you to cat: q" + i);
      bob.expect(said + i);
      bob.expect("ann to you: p" + i);
      cat.expect(said + i);
      cat.expect("ann to you: q" + i);
    }
  }
}
