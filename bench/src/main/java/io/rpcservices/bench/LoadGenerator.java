package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Runs one workload against one server over a fixed number of keep-alive connections: a warm-up,
 * then a measured window of fixed length.
 */
final class LoadGenerator {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private final EventLoopGroup group;

  LoadGenerator(EventLoopGroup group) {
    this.group = group;
  }

  /**
   * Runs {@code workload} over {@code connections} connections against {@code server} and returns
   * what was measured.
   */
  LoadResult run(
      ServerProcess server, Workload workload, int connections, Duration warmup, Duration duration)
      throws InterruptedException, ExecutionException, TimeoutException {
    Endpoint endpoint = server.endpoint();
    return run(
        server,
        List.of(),
        endpoint,
        i -> workload.setup(endpoint, i),
        i -> workload.cycle(endpoint, i),
        connections,
        warmup,
        duration);
  }

  /**
   * Repeats {@code request}, pre-encoded for {@code endpoint} (a path of {@code server} other than
   * its default, say), over {@code connections} connections and returns what was measured,
   * counting the CPU time of the {@code helpers} (the server's workers) as well.
   */
  LoadResult run(
      ServerProcess server,
      List<ProcessHandle> helpers,
      Endpoint endpoint,
      ByteBuf request,
      int connections,
      Duration warmup,
      Duration duration)
      throws InterruptedException, ExecutionException, TimeoutException {
    return run(
        server,
        helpers,
        endpoint,
        i -> List.of(),
        i -> List.of(request),
        connections,
        warmup,
        duration);
  }

  private LoadResult run(
      ServerProcess server,
      List<ProcessHandle> helpers,
      Endpoint endpoint,
      IntFunction<List<ByteBuf>> setup,
      IntFunction<List<ByteBuf>> cycle,
      int connections,
      Duration warmup,
      Duration duration)
      throws InterruptedException, ExecutionException, TimeoutException {
    RunPhase phase = new RunPhase();
    List<LoadConnection> loads = new ArrayList<>(connections);
    for (int i = 0; i < connections; i++) {
      loads.add(new LoadConnection(group.next(), endpoint, setup.apply(i), cycle.apply(i), phase));
    }
    CompletableFuture.allOf(
            loads.stream().map(LoadConnection::start).toArray(CompletableFuture[]::new))
        .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Thread.sleep(warmup.toMillis());
    CpuTimes start = CpuTimes.now(server.handle(), helpers);
    phase.startMeasuring();
    Thread.sleep(duration.toMillis());
    phase.stop();
    CpuTimes used = CpuTimes.now(server.handle(), helpers).since(start);
    drain(loads);
    return merge(loads, phase.measuredSeconds(), used);
  }

  private static void drain(List<LoadConnection> loads)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<Void> all =
        CompletableFuture.allOf(
            loads.stream().map(LoadConnection::finished).toArray(CompletableFuture[]::new));
    try {
      all.get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException stuck) {
      loads.forEach(LoadConnection::abort);
      all.get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static LoadResult merge(List<LoadConnection> loads, double seconds, CpuTimes cpu) {
    Histogram latencies = new Histogram(LoadConnection.MAX_LATENCY_NANOS, 3);
    long errors = 0;
    long reconnects = 0;
    for (LoadConnection load : loads) {
      latencies.add(load.latencies());
      errors += load.errors();
      reconnects += load.reconnects();
    }
    return new LoadResult(latencies, seconds, errors, reconnects, cpu);
  }
}
