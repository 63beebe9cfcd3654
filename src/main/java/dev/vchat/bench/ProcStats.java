package dev.vchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What /proc says about a process (the server's RSS and CPU), and this process's own CPU. */
final class ProcStats {

  /** Linux reports CPU in clock ticks; 100 per second on every usual kernel. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcStats() {
  }

  /** VmRSS of a process in KiB, or -1 if it cannot be read. */
  static long rssKib(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** VmRSS once it has stopped falling (no fall of 1 % within 2 s; 30 s at most), or -1. */
  static long settledRssKib(long pid) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    long settled = rssKib(pid);
    while (settled > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return settled;
      }
      long now = rssKib(pid);
      if (now < 0) {
        return settled;
      }
      if (now > settled * 0.99) {
        return now;
      }
      settled = now;
    }
    return settled;
  }

  /** Runs a full GC in a JVM process ({@code jcmd PID GC.run}) and waits for it; false if that failed. */
  static boolean fullGc(long pid) {
    if (pid <= 0) {
      return false;
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), "GC.run")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** User plus system CPU time of a process in nanoseconds, or -1. */
  static long cpuNanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return (long) (ticks / TICKS_PER_SECOND * 1e9);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** This JVM's CPU time in nanoseconds. */
  static long ownCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** The soft limit of open files of this process, or -1. */
  static long openFileLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          return Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
