package dev.vchat.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the running JVM does with memory, in one line for the start-up log: the collector, the
 * heap's ceiling, how much free heap it keeps after a collection, whether it collects when
 * idle and gives malloc's free pages back. The values are the JVM's own, so the line shows whether the start script's settings
 * (src/main/sh/chat) are in effect, or the JVM's defaults of a plain {@code java -jar}.
 */
final class JvmSettings {

  private static final long MIB = 1024 * 1024;

  private JvmSettings() {
  }

  static String describe() {
    HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
      .map(GarbageCollectorMXBean::getName)
      .collect(Collectors.joining(", "));
    String periodic = option(hotspot, "G1PeriodicGCInterval");
    String trim = option(hotspot, "TrimNativeHeapInterval");
    return "jvm: " + collectors
      + "; heap at most " + Runtime.getRuntime().maxMemory() / MIB + " MiB"
      + ", free after a collection " + option(hotspot, "MinHeapFreeRatio") + "-" + option(hotspot, "MaxHeapFreeRatio") + " %"
      + ", collects when idle " + (periodic == null || periodic.equals("0") ? "never" : "after " + periodic + " ms")
      + ", trims the native heap " + (trim == null || trim.equals("0") ? "never" : "every " + trim + " ms")
      + (startedWithOptions() ? "" : " (the JVM's defaults: target/chat, the start script, sets the measured ones; README)");
  }

  /** A -XX option's value, or null where this JVM has no such option (a G1 option under another collector's JVM). */
  private static String option(HotSpotDiagnosticMXBean hotspot, String name) {
    try {
      return hotspot.getVMOption(name).getValue();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startedWithOptions() {
    List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return arguments.stream().anyMatch(a -> a.startsWith("-X"));
  }
}
