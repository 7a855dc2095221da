package io.rpcservices.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmark and prints a Markdown report: each workload at each connection count against
 * each server, then the waiters test against the master. Progress goes to standard error.
 *
 * <pre>{@code
 * java -jar bench/target-bench/rpcservices-bench.jar --quick
 * }</pre>
 */
public final class BenchMain {
  private final BenchOptions options;
  private final EventLoopGroup group;
  private int started;

  private BenchMain(BenchOptions options, EventLoopGroup group) {
    this.options = options;
    this.group = group;
  }

  /** Parses the options (see {@link BenchOptions#USAGE}), runs the benchmark, prints the report. */
  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(options.logDirectory());
    Machine machine = Machine.current();
    EventLoopGroup group = new NioEventLoopGroup(options.clientThreads());
    try {
      BenchMain bench = new BenchMain(options, group);
      List<ThroughputRow> rows = options.throughput() ? bench.throughput() : List.of();
      WaiterResult waiters = options.waiters() > 0 ? bench.waiters() : null;
      String report = MarkdownReport.render(machine, options, command(args), rows, waiters);
      System.out.print(report);
      Path output = options.output();
      if (output != null) {
        Files.writeString(output, report, StandardCharsets.UTF_8);
      }
    } finally {
      group.shutdownGracefully().syncUninterruptibly();
    }
  }

  /** The command line as typed, less the options run.sh adds itself. */
  private static String command(String... args) {
    StringBuilder command = new StringBuilder("bench/run.sh");
    for (String arg : args) {
      if (!arg.startsWith("--out=") && !arg.startsWith("--log-dir=")) {
        command.append(' ').append(arg);
      }
    }
    return command.toString();
  }

  private List<ThroughputRow> throughput() throws Exception {
    LoadGenerator generator = new LoadGenerator(group);
    List<ServerProcess> servers = new ArrayList<>();
    try {
      for (ServerKind kind : options.servers()) {
        ServerProcess server = start(kind);
        servers.add(server);
        for (Workload workload : options.workloads()) {
          progress("warming up %s with %s", kind.label(), workload.label());
          generator.run(
              server,
              workload,
              16,
              options.serverWarmup().dividedBy(4),
              options.serverWarmup().dividedBy(4));
        }
      }
      // Servers take turns on each cell, so drift on a shared machine hits them alike.
      List<ThroughputRow> rows = new ArrayList<>();
      for (Workload workload : options.workloads()) {
        for (int connections : options.connections()) {
          for (ServerProcess server : servers) {
            LoadResult result =
                generator.run(server, workload, connections, options.warmup(), options.duration());
            progress(
                "%s, %s, %d connections: %,.0f calls/s, p99 %,.0f µs, server %.0f µs CPU/call,"
                    + " client %.2f cores, %d errors, %d reconnects",
                server.kind().label(),
                workload.label(),
                connections,
                result.callsPerSecond(),
                result.latencyMicros(99),
                result.serverCpuMicrosPerCall(),
                result.clientCores(),
                result.errors(),
                result.reconnects());
            rows.add(new ThroughputRow(server.kind(), workload, connections, result));
          }
        }
      }
      return rows;
    } finally {
      for (ServerProcess server : servers) {
        server.close();
      }
    }
  }

  private WaiterResult waiters() throws Exception {
    try (ServerProcess master = start(ServerKind.RPCSERVICES)) {
      progress("%,d waiters, after a warm-up", options.waiters());
      WaiterResult result =
          new WaiterTest(group, options.serverWarmup()).run(master, options.waiters());
      progress(
          "answered %,d of %,d; threads %d -> %d -> %d",
          result.answered(),
          result.waiters(),
          result.before().threads(),
          result.during().threads(),
          result.after().threads());
      return result;
    }
  }

  private ServerProcess start(ServerKind kind) throws Exception {
    Path log =
        options.logDirectory().resolve("server-" + kind.name().toLowerCase(Locale.ROOT) + ".log");
    Path recording =
        options.record()
            ? options
                .logDirectory()
                .resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + (++started) + ".jfr")
            : null;
    ServerProcess server = ServerProcess.start(kind, log, recording);
    progress(
        "started %s (pid %d) at %s, log %s", kind.label(), server.pid(), server.endpoint(), log);
    return server;
  }

  private static void progress(String format, Object... args) {
    System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
