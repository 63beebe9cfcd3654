package dev.vchat.core;

import java.util.Arrays;
import java.util.Optional;

/** The languages of the server's texts, by their config code. */
public enum Language {
  EN("en"),
  ZH("zh");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Language> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}
