package dev.vchat.core;

/**
 * Removes control characters (C0 except TAB, DEL, and C1, which includes ESC sequences'
 * introducers) so that no user can move another user's cursor or recolour a terminal, and the
 * bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), so that no
 * user can make text show backwards in another's line (U+202E "gpj.exe" shows as "exe.jpg").
 */
public final class TextSanitizer {

  private TextSanitizer() {
  }

  public static String strip(String text) {
    int first = firstStripped(text);
    if (first < 0) {
      return text;
    }
    StringBuilder clean = new StringBuilder(text.length());
    clean.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isStripped(c)) {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  private static int firstStripped(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isStripped(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static boolean isStripped(char c) {
    if (c < 0x202a) { // nearly every character: one more comparison than the control check alone
      return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }
    return c <= 0x202e || (c >= 0x2066 && c <= 0x2069);
  }
}
