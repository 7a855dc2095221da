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
 */
record Machine(int processors, String cpu, String memory, String jdk) {

  /** Describes the machine this JVM runs on. */
  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procField("/proc/cpuinfo", "model name").orElse("unknown"),
        procField("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
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
