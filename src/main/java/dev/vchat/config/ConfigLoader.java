package dev.vchat.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the configuration the way the launcher promises: the {@code -conf} value (a file, else
 * inline JSON), else {@code ./config.json} when present, else the embedded defaults.
 * Runs before Vert.x starts, so plain blocking file reads are fine here.
 */
public final class ConfigLoader {

  public static final Path DEFAULT_FILE = Path.of("config.json");

  private ConfigLoader() {
  }

  public static ChatConfig load(String confOption) {
    return ChatConfig.fromJson(loadJson(confOption)).checkFiles();
  }

  static JsonObject loadJson(String confOption) {
    if (confOption == null) {
      return Files.isRegularFile(DEFAULT_FILE) ? readFile(DEFAULT_FILE) : new JsonObject();
    }
    String trimmed = confOption.trim();
    if (trimmed.startsWith("{")) {
      return parse(trimmed, "the -conf JSON");
    }
    Path path;
    try {
      path = Path.of(confOption);
    } catch (InvalidPathException e) {
      throw new ConfigException("-conf " + confOption + ": not a file name and not a JSON object");
    }
    if (!Files.isRegularFile(path)) {
      throw new ConfigException("-conf " + confOption + ": no such file");
    }
    return readFile(path);
  }

  private static JsonObject readFile(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), "config file " + path);
    } catch (IOException e) {
      throw new ConfigException("config file " + path + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static JsonObject parse(String text, String what) {
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException(what + " is not a valid JSON object: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
