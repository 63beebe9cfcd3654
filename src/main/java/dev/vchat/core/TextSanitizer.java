package dev.vchat.core;

/**
 * Removes control characters (C0 except TAB, DEL, and C1, which includes ESC sequences'
 * introducers) so that no user can move another user's cursor or recolour a terminal.
 */
public final class TextSanitizer {

  private TextSanitizer() {
  }

  public static String strip(String text) {
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder clean = new StringBuilder(text.length());
    clean.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static boolean isControl(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
  }
}
