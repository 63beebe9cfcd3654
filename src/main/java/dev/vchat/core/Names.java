package dev.vchat.core;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.util.regex.Pattern;

/** The rules for user names: what a chosen name may be, and when two names are the same. */
public final class Names {

  public static final int MAX_LENGTH = 32;

  /** Letters (any script, with their combining marks), digits, '_', '-' and '.'. */
  private static final Pattern CHOSEN = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_.\\-]+");

  private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

  private Names() {
  }

  /** A name that folds to nothing is made of invisible fillers only (such as U+3164). */
  public static boolean isValid(String name) {
    int length = name.codePointCount(0, name.length());
    return length >= 1 && length <= MAX_LENGTH && CHOSEN.matcher(name).matches() && !key(name).isEmpty();
  }

  /**
   * The registry key: names that look alike are the same name. Case, width and compatibility
   * forms are folded (NFKC case folding), then confusable letters are mapped to one prototype
   * (the UTS #39 skeleton: Cyrillic о and Greek ο become o). The skeleton is folded again because
   * it may hold capitals (0 becomes O), which are the same name as small letters.
   */
  public static String key(String name) {
    return FOLD.normalize(CONFUSABLES.getSkeleton(FOLD.normalize(name)));
  }

  /**
   * The order of a list of names: ignoring case and width, but not by the skeleton, which is
   * no order for a reader (it spells m as rn).
   */
  public static String sortKey(String name) {
    return FOLD.normalize(name);
  }
}
