package dev.vchat.launcher;

import java.util.Locale;

/**
 * Reads an option's raw value from the launcher's arguments the way its picocli parser does
 * ({@code -conf x}, {@code --conf x}, {@code -conf=x}, any case), for the options the chat
 * must see before Vert.x's launcher has had its say.
 */
final class LauncherArgs {

  private LauncherArgs() {
  }

  static String value(String[] args, String name) {
    String single = "-" + name;
    String dashed = "--" + name;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i].toLowerCase(Locale.ROOT);
      if (arg.equals(single) || arg.equals(dashed)) {
        return i + 1 < args.length ? args[i + 1] : null;
      }
      if (arg.startsWith(single + "=") || arg.startsWith(dashed + "=")) {
        return args[i].substring(args[i].indexOf('=') + 1);
      }
    }
    return null;
  }

  /** Whether a flag such as {@code -cluster} (or one of its aliases) is present. */
  static boolean flag(String[] args, String... names) {
    for (String arg : args) {
      String lower = arg.toLowerCase(Locale.ROOT);
      for (String name : names) {
        if (lower.equals("-" + name) || lower.equals("--" + name)) {
          return true;
        }
      }
    }
    return false;
  }
}
