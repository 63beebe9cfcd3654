package dev.vchat.client;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** {@code java -cp <test classpath> dev.vchat.launcher.ChatLauncher ...}: the client as a process of its own. */
final class ClientProcess {

  private ClientProcess() {
  }

  static ProcessBuilder builder(String... args) {
    return new ProcessBuilder(command(args));
  }

  static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", classpath(), "dev.vchat.launcher.ChatLauncher"));
    command.addAll(List.of(args));
    return command;
  }

  static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  /** Surefire may run tests from a manifest-only jar; it then names the real class path here. */
  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
