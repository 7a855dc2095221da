package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures calls to a worker service through the master (issue 3): {@code math.multiply(6, 7)} on
 * 1, then 3, example math workers, each in a JVM of its own, against the built-in {@code
 * master.ping} in turns, over XML-RPC and JSON-RPC. Prints a Markdown section on stdout.
 *
 * <pre>{@code
 * bench/workers.sh [--warmup=S] [--duration=S] [--connections=N] [--workers=N,N]
 * }</pre>
 */
public final class WorkerBench {
  private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(60);
  private static final List<Integer> WORKER_COUNTS = List.of(1, 3);

  private WorkerBench() {}

  /**
   * Runs the benchmark; options {@code --warmup=S} (5), {@code --duration=S} (10), {@code
   * --connections=N} (64), {@code --workers=N,N} (1,3: the worker counts, each run in turn), {@code
   * --log-dir=D} and {@code --out=F}.
   */
  public static void main(String[] args) throws Exception {
    Duration warmup = Duration.ofSeconds(5);
    Duration duration = Duration.ofSeconds(10);
    int connections = 64;
    List<Integer> workerCounts = WORKER_COUNTS;
    Path logDirectory = Path.of(".");
    Path output = null;
    StringBuilder command = new StringBuilder("bench/workers.sh");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--warmup=")) {
        warmup = Duration.ofSeconds(Long.parseLong(value));
      } else if (arg.startsWith("--duration=")) {
        duration = Duration.ofSeconds(Long.parseLong(value));
      } else if (arg.startsWith("--connections=")) {
        connections = Integer.parseInt(value);
      } else if (arg.startsWith("--workers=")) {
        workerCounts = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
      } else if (arg.startsWith("--log-dir=")) {
        logDirectory = Path.of(value);
        continue;
      } else if (arg.startsWith("--out=")) {
        output = Path.of(value);
        continue;
      } else {
        System.err.println(
            "option: "
                + arg
                + " (expected: --warmup=S, --duration=S, --connections=N or --workers=N,N)");
        System.exit(2);
        return;
      }
      command.append(' ').append(arg);
    }
    Files.createDirectories(logDirectory);
    Machine machine = Machine.current();
    EventLoopGroup group = new NioEventLoopGroup(1);
    List<WorkerBenchRow> rows = new ArrayList<>();
    try (ServerProcess master =
            ServerProcess.start(
                ServerKind.RPCSERVICES, logDirectory.resolve("server-master.log"), null);
        MathWorkers workers =
            new MathWorkers(
                "http://127.0.0.1:" + master.endpoint().port(), logDirectory)) {
      progress("started the master (pid %d) at %s", master.pid(), master.endpoint());
      Endpoint xml = master.endpoint();
      Endpoint json = new Endpoint(xml.host(), xml.port(), "/jsonrpc");
      LoadGenerator generator = new LoadGenerator(group);
      for (int count : workerCounts) {
        workers.scaleTo(count, REGISTER_TIMEOUT);
        progress("%d math workers listed by mgt.ping(\"math\"); warming up", count);
        // A round of every call first, so that the JIT has compiled the paths of all four cells.
        for (Call call : calls(xml, json)) {
          generator.run(
              master, List.of(), call.endpoint(), call.request(), connections, warmup, warmup);
        }
        for (Call call : calls(xml, json)) {
          LoadResult result =
              generator.run(
                  master,
                  workers.handles(),
                  call.endpoint(),
                  call.request(),
                  connections,
                  warmup,
                  duration);
          progress(
              "%d workers, %s %s: %,.0f calls/s, p99 %,.0f µs, %d errors",
              count,
              call.protocol(),
              call.method(),
              result.callsPerSecond(),
              result.latencyMicros(99),
              result.errors());
          rows.add(new WorkerBenchRow(count, call.protocol(), call.method(), result));
        }
      }
    } finally {
      group.shutdownGracefully().syncUninterruptibly();
    }
    String report =
        WorkerBenchReport.render(machine, Machine.loadAverageNow(), command.toString(), rows);
    System.out.print(report);
    if (output != null) {
      Files.writeString(output, report, StandardCharsets.UTF_8);
    }
  }

  /** Each protocol's ping right before its multiply, so drift on the machine hits both alike. */
  private static List<Call> calls(Endpoint xml, Endpoint json) {
    return List.of(
        new Call("XML-RPC", "master.ping", xml, XmlRpcRequests.encode(xml, "master.ping")),
        new Call("XML-RPC", "math.multiply", xml, XmlRpcRequests.encode(xml, "math.multiply", 6, 7)),
        new Call("JSON-RPC", "master.ping", json, JsonRpcRequests.encode(json, "master.ping")),
        new Call(
            "JSON-RPC", "math.multiply", json, JsonRpcRequests.encode(json, "math.multiply", 6, 7)));
  }

  private static void progress(String format, Object... args) {
    System.err.println("[workers] " + String.format(Locale.ROOT, format, args));
  }

  /** One kind of call the benchmark repeats. */
  private record Call(String protocol, String method, Endpoint endpoint, ByteBuf request) {}
}
