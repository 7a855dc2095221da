package io.rpcservices.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's settings, from command-line options of the form {@code --name=value}.
 *
 * @param serverWarmup load put on each fresh server before anything is measured
 * @param warmup unmeasured load at the start of each run
 * @param duration measured window of each run
 * @param connections connection counts to run each workload at
 * @param servers servers to compare
 * @param workloads workloads to run
 * @param clientThreads event loop threads of the load generator
 * @param waiters waiting connections in the waiters test; 0 skips it
 * @param throughput whether to run the throughput matrix
 * @param output where to write the Markdown report as well as to standard output
 * @param logDirectory where the server processes' logs (and flight recordings) go
 * @param record whether to record each server process with Java Flight Recorder
 */
record BenchOptions(
    Duration serverWarmup,
    Duration warmup,
    Duration duration,
    List<Integer> connections,
    List<ServerKind> servers,
    List<Workload> workloads,
    int clientThreads,
    int waiters,
    boolean throughput,
    @Nullable Path output,
    Path logDirectory,
    boolean record) {

  /** The options' usage text. */
  static final String USAGE =
      """
      usage: run.sh [--quick] [--duration=S] [--warmup=S] [--server-warmup=S]
                    [--connections=1,16,64] [--servers=rpcservices,apache] [--workloads=stack,ping]
                    [--client-threads=N]
                    [--waiters=N] [--only=throughput|waiters] [--out=FILE] [--log-dir=DIR] [--jfr]
        --quick   a smoke run: 2 s windows, 1,000 waiters
        --jfr     record each server with Java Flight Recorder into the log directory""";

  /** Parses {@code args}; {@code --quick} sets short defaults that other options may override. */
  static BenchOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "option: " + arg + " (expected: --name or --name=value)\n" + USAGE);
      }
      int equals = arg.indexOf('=');
      given.put(
          equals < 0 ? arg.substring(2) : arg.substring(2, equals),
          equals < 0 ? "" : arg.substring(equals + 1));
    }
    if (given.containsKey("help")) {
      throw new IllegalArgumentException(USAGE);
    }
    boolean quick = given.remove("quick") != null;
    String only = given.getOrDefault("only", "all");
    if (!List.of("all", "throughput", "waiters").contains(only)) {
      throw new IllegalArgumentException("only: " + only + " (expected: throughput or waiters)");
    }
    BenchOptions options =
        new BenchOptions(
            seconds(given.remove("server-warmup"), quick ? 1 : 6),
            seconds(given.remove("warmup"), quick ? 1 : 2),
            seconds(given.remove("duration"), quick ? 2 : 10),
            Arrays.stream(given.getOrDefault("connections", "1,16,64").split(","))
                .map(Integer::valueOf)
                .toList(),
            Arrays.stream(given.getOrDefault("servers", "rpcservices,apache").split(","))
                .map(name -> ServerKind.valueOf(name.toUpperCase(Locale.ROOT)))
                .toList(),
            Arrays.stream(given.getOrDefault("workloads", "stack,ping").split(","))
                .map(name -> Workload.valueOf(name.toUpperCase(Locale.ROOT)))
                .toList(),
            Integer.parseInt(given.getOrDefault("client-threads", "1")),
            only.equals("throughput")
                ? 0
                : Integer.parseInt(given.getOrDefault("waiters", quick ? "1000" : "10000")),
            !only.equals("waiters"),
            given.containsKey("out") ? Path.of(given.get("out")) : null,
            Path.of(given.getOrDefault("log-dir", ".")),
            given.remove("jfr") != null);
    given
        .keySet()
        .removeAll(
            List.of(
                "connections",
                "servers",
                "workloads",
                "client-threads",
                "waiters",
                "only",
                "out",
                "log-dir"));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown options: " + given.keySet() + "\n" + USAGE);
    }
    return options;
  }

  private static Duration seconds(@Nullable String value, int defaultSeconds) {
    return Duration.ofMillis(
        Math.round(1000 * (value == null ? defaultSeconds : Double.parseDouble(value))));
  }
}
