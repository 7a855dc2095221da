package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Drives one keep-alive connection through a workload: one call outstanding at a time, the next
 * sent as soon as the previous answer arrives. All state lives on the connection's event loop.
 */
final class LoadConnection {
  /** Latencies above this are recorded as this; a minute is far beyond any sane answer. */
  static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final EventLoop eventLoop;
  private final Endpoint endpoint;
  private final List<ByteBuf> setup;
  private final List<ByteBuf> cycle;
  private final RunPhase phase;
  private final Histogram latencies = new Histogram(MAX_LATENCY_NANOS, 3);
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private @Nullable RpcConnection connection;
  private int setupIndex;
  private int cycleIndex;
  private long errors;
  private long reconnects;

  LoadConnection(
      EventLoop eventLoop,
      Endpoint endpoint,
      List<ByteBuf> setup,
      List<ByteBuf> cycle,
      RunPhase phase) {
    this.eventLoop = eventLoop;
    this.endpoint = endpoint;
    this.setup = setup;
    this.cycle = cycle;
    this.phase = phase;
  }

  /** Connects and starts calling; the future completes once connected. */
  CompletableFuture<Void> start() {
    return RpcConnection.open(eventLoop, endpoint)
        .thenAccept(
            opened -> {
              connection = opened;
              next(opened);
            });
  }

  /** Completes when the connection has stopped after the run phase said so. */
  CompletableFuture<Void> finished() {
    return finished;
  }

  /** Stops a connection whose outstanding call never came back, counting that call as an error. */
  void abort() {
    eventLoop.execute(
        () -> {
          if (!finished.isDone()) {
            errors++;
            finish();
          }
        });
  }

  /** The latencies recorded in the measured window; read after {@link #finished()}. */
  Histogram latencies() {
    return latencies;
  }

  /** Failed calls; read after {@link #finished()}. */
  long errors() {
    return errors;
  }

  /**
   * Times the server closed the connection and it was opened again; read after {@link #finished()}.
   */
  long reconnects() {
    return reconnects;
  }

  private void next(RpcConnection current) {
    if (phase.isStopped()) {
      finish();
      return;
    }
    boolean isSetup = setupIndex < setup.size();
    ByteBuf request;
    if (isSetup) {
      request = setup.get(setupIndex++);
    } else {
      request = cycle.get(cycleIndex);
      cycleIndex = (cycleIndex + 1) % cycle.size();
    }
    long start = System.nanoTime();
    current
        .call(request)
        .whenComplete(
            (outcome, failure) -> {
              long latency = System.nanoTime() - start;
              if (failure != null) {
                errors++;
                reconnect();
                return;
              }
              if (!outcome.isSuccess()) {
                errors++;
              } else if (!isSetup && phase.isMeasuring()) {
                latencies.recordValue(Math.min(latency, MAX_LATENCY_NANOS));
              }
              if (outcome.keepAlive()) {
                next(current);
              } else {
                reconnect();
              }
            });
  }

  private void reconnect() {
    if (phase.isStopped()) {
      finish();
      return;
    }
    reconnects++;
    if (connection != null) {
      connection.close();
    }
    RpcConnection.open(eventLoop, endpoint)
        .whenComplete(
            (opened, failure) -> {
              if (failure != null) {
                errors++;
                finish();
              } else {
                connection = opened;
                next(opened);
              }
            });
  }

  private void finish() {
    if (connection != null) {
      connection.close();
    }
    finished.complete(null);
  }
}
