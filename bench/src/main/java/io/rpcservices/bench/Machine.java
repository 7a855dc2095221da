package io.rpcservices.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the benchmark ran on, read from the JVM and {@code /proc}.
 *
 * @param processors available processors
 * @param cpu the CPU model, or {@code unknown}
 * @param memory total memory, or {@code unknown}
 * @param jdk the JDK's name and version
 * @param loadAverage the 1, 5 and 15 minute load averages when the run started: other work on the
 *     machine skews the figures
 */
record Machine(int processors, String cpu, String memory, String jdk, String loadAverage) {

  /** Describes the machine this JVM runs on. */
  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procField("/proc/cpuinfo", "model name").orElse("unknown"),
        procField("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        currentLoadAverage());
  }

  private static String currentLoadAverage() {
    // run.sh reads it before its own build adds to it.
    String beforeBuild = System.getenv("BENCH_LOADAVG");
    return beforeBuild != null ? beforeBuild : loadAverageNow();
  }

  /** The 1, 5 and 15 minute load averages now, or {@code unknown}. */
  static String loadAverageNow() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException notLinux) {
      return "unknown";
    }
  }

  private static Optional<String> procField(String file, String name) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(line -> line.startsWith(name))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException notLinux) {
      return Optional.empty();
    }
  }

  private static String gibibytes(String memTotal) {
    long kibibytes = Long.parseLong(memTotal.replace("kB", "").trim());
    return String.format("%.1f GiB", kibibytes / (1024.0 * 1024.0));
  }
}
