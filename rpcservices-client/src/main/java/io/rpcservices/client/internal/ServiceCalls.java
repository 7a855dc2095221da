package io.rpcservices.client.internal;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs the calls of one exported service on a pool of at most {@code concurrency} threads, each
 * within its timeout: a call still running when its timeout passes is answered with
 * CallTimeoutError and its thread interrupted, so that the worker is not left wedged.
 */
final class ServiceCalls {
  private final ServiceExport export;
  private final ThreadPoolExecutor pool;

  ServiceCalls(ServiceExport export, int concurrency) {
    this.export = export;
    this.pool =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            ClientThreads.daemonThreads("rpcservices-worker-" + export.name()));
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Starts a call of {@code method} with {@code params}; with a {@code timeout}, the call is
   * answered with CallTimeoutError once it passes.
   */
  RunningCall start(String method, List<@Nullable Object> params, @Nullable Duration timeout) {
    CompletableFuture<RpcResponse> response = new CompletableFuture<>();
    RunningCall call = new RunningCall(response);
    ExportedMethod exported;
    Object[] arguments;
    try {
      exported = export.method(method, params.size());
      arguments = exported.arguments(params);
    } catch (FaultException e) {
      response.complete(e.fault());
      return call;
    }
    AtomicReference<@Nullable Future<?>> stage = new AtomicReference<>();
    AtomicReference<@Nullable Thread> runner = new AtomicReference<>();
    FutureTask<Void> task =
        new FutureTask<>(
            () -> {
              runner.set(Thread.currentThread());
              try {
                run(exported, arguments, response, stage);
              } finally {
                runner.set(null);
              }
            },
            null);
    ScheduledFuture<?> deadline =
        timeout == null
            ? null
            : ClientThreads.TIMER.schedule(
                () -> response.complete(timedOut(exported, timeout)),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    response.whenComplete(
        (value, failure) -> {
          if (deadline != null) {
            deadline.cancel(false);
          }
          // A call answered by its own method needs no interrupt; one answered by its timeout does.
          if (runner.get() != Thread.currentThread()) {
            task.cancel(true);
          }
          Future<?> pending = stage.get();
          if (pending != null) {
            pending.cancel(true);
          }
        });
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      response.complete(
          Fault.of(FaultCode.SERVICE_ERROR, "worker of " + export.name() + " is shutting down"));
    }
    return call;
  }

  /** Stops the threads once the calls they run end. */
  void shutdown() {
    pool.shutdown();
  }

  private static void run(
      ExportedMethod method,
      Object[] arguments,
      CompletableFuture<RpcResponse> response,
      AtomicReference<@Nullable Future<?>> stage) {
    if (response.isDone()) {
      return;
    }
    Object result;
    try {
      result = method.invoke(arguments);
    } catch (Throwable thrown) {
      // A call that already has its answer was interrupted on purpose; the exception is expected.
      response.complete(RemoteErrors.of(thrown));
      return;
    }
    if (result instanceof CompletionStage<?> pending) {
      CompletableFuture<?> future = pending.toCompletableFuture();
      stage.set(future);
      future.whenComplete(
          (value, failure) ->
              response.complete(
                  failure != null
                      ? RemoteErrors.of(unwrap(failure))
                      : success(method, value == null && method.answersTrue() ? true : value)));
      if (response.isDone()) {
        future.cancel(true);
      }
    } else {
      response.complete(success(method, result));
    }
  }

  private static RpcResponse success(ExportedMethod method, @Nullable Object value) {
    try {
      return new Success(ResultValues.toWire(value));
    } catch (IllegalArgumentException e) {
      return Fault.of(FaultCode.INTERNAL_ERROR, method.fullName() + " returned " + e.getMessage());
    }
  }

  private static Fault timedOut(ExportedMethod method, Duration timeout) {
    String seconds = BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
    return Fault.of(
        FaultCode.CALL_TIMEOUT_ERROR,
        method.fullName() + " did not finish within " + seconds + " s");
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
