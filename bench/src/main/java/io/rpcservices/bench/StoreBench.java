package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The state store benchmark (issue 5): {@code stack.push} calls per second against a master with
 * the in-memory store, the durable store with {@code --sync process} (the default) and with {@code
 * --sync fsync}, at 1, 16 and 64 connections. Every connection pushes to the same stack, so that
 * they all contend for its lock, the worst case for a store that writes under it.
 *
 * <p>Arguments: {@code [seconds] [warm-up seconds] [stores, comma-separated] [rounds]}, by default
 * {@code 10 3 memory,process,fsync 3}. The stores take turns at each connection count, and the
 * whole sequence runs {@code rounds} times; each row shows the round with the median calls per
 * second, so that a burst of other work on the machine moves the figures less. Prints a Markdown
 * table on standard output.
 */
public final class StoreBench {
  private static final int[] CONNECTIONS = {1, 16, 64};
  private static final String STACK = "bench";

  private StoreBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    Duration warmup = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
    List<String> stores = List.of((args.length > 2 ? args[2] : "memory,process,fsync").split(","));
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    EventLoopGroup group = new NioEventLoopGroup(1);
    List<Path> directories = new ArrayList<>();
    Map<String, Server> servers = new LinkedHashMap<>();
    try {
      for (String store : stores) {
        Path data = Files.createTempDirectory("store-bench-");
        directories.add(data);
        Server server = Server.start(store, data);
        servers.put(store, server);
        System.err.println("[store-bench] " + store + ": " + server.description);
      }
      System.out.println(
          "| store | connections | calls/s | vs memory | p50 µs | p99 µs | server CPU µs/call"
              + " | errors |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      // The stores take turns at each connection count, so that drift in the machine's load
      // hits them alike; the median of the rounds is reported.
      Map<String, List<LoadResult>> results = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (int connections : CONNECTIONS) {
          for (Map.Entry<String, Server> server : servers.entrySet()) {
            results
                .computeIfAbsent(server.getKey() + " " + connections, key -> new ArrayList<>())
                .add(run(group, server.getValue(), connections, warmup, duration));
          }
        }
      }
      for (int connections : CONNECTIONS) {
        LoadResult memory = median(results.get("memory " + connections));
        for (String store : servers.keySet()) {
          print(store, connections, median(results.get(store + " " + connections)), memory);
        }
      }
    } finally {
      for (Server server : servers.values()) {
        server.close();
      }
      for (Path data : directories) {
        deleteTree(data);
      }
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
    System.err.println(
        "[store-bench] load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
  }

  private static @Nullable LoadResult median(@Nullable List<LoadResult> runs) {
    if (runs == null) {
      return null;
    }
    List<LoadResult> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(LoadResult::callsPerSecond));
    return sorted.get(sorted.size() / 2);
  }

  private static void print(
      String store, int connections, @Nullable LoadResult result, @Nullable LoadResult memory) {
    if (result == null) {
      return;
    }
    double rate = result.callsPerSecond();
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %,.0f | %s | %.0f | %.0f | %.1f | %d |%n",
        store,
        connections,
        rate,
        memory == null
            ? ""
            : String.format(Locale.ROOT, "%.0f%%", 100 * rate / memory.callsPerSecond()),
        result.latencyMicros(50),
        result.latencyMicros(99),
        result.serverCpuMicrosPerCall(),
        result.errors());
  }

  private static LoadResult run(
      EventLoopGroup group, Server server, int connections, Duration warmup, Duration duration)
      throws Exception {
    Endpoint endpoint = new Endpoint("127.0.0.1", server.port, "/RPC2");
    RunPhase phase = new RunPhase();
    List<LoadConnection> loads = new ArrayList<>(connections);
    for (int i = 0; i < connections; i++) {
      List<ByteBuf> setup = List.of(XmlRpcRequests.encode(endpoint, "stack.create", STACK));
      List<ByteBuf> cycle =
          List.of(XmlRpcRequests.encode(endpoint, "stack.push", STACK, "item-" + i));
      loads.add(new LoadConnection(group.next(), endpoint, setup, cycle, phase));
    }
    CompletableFuture.allOf(
            loads.stream().map(LoadConnection::start).toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);
    Thread.sleep(warmup.toMillis());
    CpuTimes start = CpuTimes.now(server.process.toHandle(), List.of());
    phase.startMeasuring();
    Thread.sleep(duration.toMillis());
    phase.stop();
    CpuTimes used = CpuTimes.now(server.process.toHandle(), List.of()).since(start);
    CompletableFuture.allOf(
            loads.stream().map(LoadConnection::finished).toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);
    Histogram latencies = new Histogram(LoadConnection.MAX_LATENCY_NANOS, 3);
    long errors = 0;
    for (LoadConnection load : loads) {
      latencies.add(load.latencies());
      errors += load.errors();
    }
    return new LoadResult(latencies, phase.measuredSeconds(), errors, 0, used);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A {@link StoreBenchServer} in a JVM of its own. */
  private static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;
    private final String description;

    private Server(Process process, int port, String description) {
      this.process = process;
      this.port = port;
      this.description = description;
    }

    static Server start(String store, Path data) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ServerProcess.JVM_OPTIONS);
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              StoreBenchServer.class.getName(),
              store,
              data.toString()));
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String line =
          new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      if (line == null || !line.startsWith("port ")) {
        process.destroyForcibly();
        throw new IOException(store + " server did not start: " + line);
      }
      String[] parts = line.split(" ", 3);
      return new Server(process, Integer.parseInt(parts[1]), parts[2]);
    }

    @Override
    public void close() throws Exception {
      try (Writer control =
          new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
        control.write("quit\n");
      } catch (IOException alreadyGone) {
        // It has stopped already.
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
