package dev.vchat.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for user names: what a chosen name may be, and when two names are the same. */
public final class Names {

  public static final int MAX_LENGTH = 32;

  /** Letters (any script, with their combining marks), digits, '_', '-' and '.'. */
  private static final Pattern CHOSEN = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_.\\-]+");

  private Names() {
  }

  public static boolean isValid(String name) {
    int length = name.codePointCount(0, name.length());
    return length >= 1 && length <= MAX_LENGTH && CHOSEN.matcher(name).matches();
  }

  /** The registry key: names that differ only in case are the same name. */
  public static String key(String name) {
    return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
