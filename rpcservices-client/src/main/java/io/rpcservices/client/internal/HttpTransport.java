package io.rpcservices.client.internal;

import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.ProtocolException;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * XML-RPC or JSON-RPC over HTTP/1.1 with a pool of keep-alive connections, safe to share between
 * threads. Each call has one deadline for all of it, which the master learns from the {@code
 * X-Rpc-Timeout} header; the client waits a short grace past it (see {@link Deadlines#grace}) so
 * that the master's CallTimeoutError arrives first. A reply is read into a bounded buffer and
 * decoded by the hardened codec.
 */
public final class HttpTransport implements Transport {
  private static final String USER_AGENT = "rpcservices-java";
  private static final boolean ASYNC_STARTS_A_THREAD_PER_CALL =
      !(new CompletableFuture<Void>().defaultExecutor() instanceof ForkJoinPool);

  private final HttpClient http;
  private final URI endpoint;
  private final HttpFormat format;
  // Decodes replies and completes calls, so that neither the HTTP client's selector nor the
  // timer thread ever runs a caller's dependent stages.
  private final Executor completions;

  private HttpTransport(URI endpoint, HttpFormat format, @Nullable Executor executor) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (executor != null) {
      builder.executor(executor);
    }
    this.http = builder.build();
    this.completions = executor != null ? executor : ClientThreads.COMPLETIONS;
    this.endpoint = endpoint;
    this.format = format;
  }

  /**
   * A transport that posts XML-RPC to {@code endpoint}. {@code executor}, if given, runs the HTTP
   * client's tasks and completes calls; else the HTTP client's own threads and a shared daemon pool
   * do.
   */
  public static HttpTransport xmlRpc(URI endpoint, Limits limits, @Nullable Executor executor) {
    return new HttpTransport(endpoint, new XmlRpcFormat(limits), executor);
  }

  /** A transport that posts JSON-RPC 2.0 to {@code endpoint}; as {@link #xmlRpc} otherwise. */
  public static HttpTransport jsonRpc(URI endpoint, Limits limits, @Nullable Executor executor) {
    return new HttpTransport(endpoint, new JsonRpcFormat(limits), executor);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public Limits limits() {
    return format.limits();
  }

  @Override
  public CompletableFuture<RpcResponse> send(RpcRequest request, Duration timeout) {
    return exchange(request.method(), format.encode(request), timeout, format::decode);
  }

  @Override
  public boolean sendsBatches() {
    return format.batches();
  }

  @Override
  public CompletableFuture<List<RpcResponse>> sendBatch(
      List<RpcRequest> requests, Duration timeout) {
    int count = requests.size();
    return exchange(
        "batch of " + count + " calls",
        format.encodeBatch(requests),
        timeout,
        body -> format.decodeBatch(body, count));
  }

  /** Nothing to release: idle connections of the HTTP client close by themselves. */
  @Override
  public void close() {}

  private <T> CompletableFuture<T> exchange(
      String what, byte[] body, Duration timeout, Function<InputStream, T> decode) {
    String where = what + " at " + endpoint + ": ";
    Duration wait = timeout.plus(Deadlines.grace(timeout));
    HttpRequest httpRequest =
        HttpRequest.newBuilder(endpoint)
            .timeout(wait)
            .header("Content-Type", format.contentType())
            .header("User-Agent", USER_AGENT)
            .header(Deadlines.TIMEOUT_HEADER, Deadlines.headerValue(timeout))
            .POST(BodyPublishers.ofByteArray(body))
            .build();
    AtomicReference<@Nullable BoundedBodySubscriber> reader = new AtomicReference<>();
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        start(httpRequest, info -> bodySubscriber(info, where, reader));
    exchange.whenCompleteAsync(
        (response, failure) -> {
          if (failure != null) {
            result.completeExceptionally(translate(failure, where, timeout));
          } else {
            complete(result, response.body(), where, decode);
          }
        },
        completions);
    ScheduledFuture<?> deadline =
        ClientThreads.TIMER.schedule(
            () ->
                completions.execute(
                    () -> result.completeExceptionally(Deadlines.timedOut(where, timeout))),
            wait.toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete(
        (response, failure) -> {
          deadline.cancel(false);
          if (failure != null) {
            exchange.cancel(true);
            BoundedBodySubscriber current = reader.get();
            if (current != null) {
              current.abort();
            }
          }
        });
    return result;
  }

  /**
   * Starts the exchange of {@code request}. The JDK's {@code HttpClient.sendAsync} hands every
   * answer to CompletableFuture's default executor, which starts a thread per task when the common
   * pool has fewer than two threads (one or two cores; fixed in later JDKs): there the exchange runs
   * as a blocking {@code send} on a thread of the shared daemon pool instead, whose threads are
   * reused. An exchange that ends early (a timeout) is cut by aborting its body.
   */
  private CompletableFuture<HttpResponse<byte[]>> start(
      HttpRequest request, HttpResponse.BodyHandler<byte[]> handler) {
    if (!ASYNC_STARTS_A_THREAD_PER_CALL) {
      return http.sendAsync(request, handler);
    }
    CompletableFuture<HttpResponse<byte[]>> exchange = new CompletableFuture<>();
    try {
      ClientThreads.COMPLETIONS.execute(
          () -> {
            if (exchange.isDone()) {
              return;
            }
            try {
              exchange.complete(http.send(request, handler));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              exchange.completeExceptionally(e);
            } catch (IOException | RuntimeException e) {
              exchange.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      exchange.completeExceptionally(e);
    }
    return exchange;
  }

  private BodySubscriber<byte[]> bodySubscriber(
      HttpResponse.ResponseInfo info,
      String where,
      AtomicReference<@Nullable BoundedBodySubscriber> reader) {
    if (info.statusCode() != 200) {
      return new RejectingBodySubscriber(
          new TransportException(where + "HTTP status " + info.statusCode() + " (expected: 200)"));
    }
    long maxBytes = format.limits().maxBodyBytes();
    TransportException tooLarge =
        new TransportException(where + "response body over " + maxBytes + " bytes");
    if (info.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
      return new RejectingBodySubscriber(tooLarge);
    }
    BoundedBodySubscriber subscriber = new BoundedBodySubscriber(maxBytes, () -> tooLarge);
    reader.set(subscriber);
    return subscriber;
  }

  private static <T> void complete(
      CompletableFuture<T> result, byte[] body, String where, Function<InputStream, T> decode) {
    try {
      result.complete(decode.apply(new ByteArrayInputStream(body)));
    } catch (ProtocolException e) {
      result.completeExceptionally(
          new TransportException(where + "invalid response: " + e.getMessage(), e));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private static RuntimeException translate(Throwable failure, String where, Duration timeout) {
    Throwable cause = Failures.unwrap(failure);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof RpcTimeoutException timedOut) {
        return timedOut;
      }
    }
    if (cause instanceof HttpTimeoutException) {
      return Deadlines.timedOut(where, timeout);
    }
    return Failures.translate(cause, where);
  }
}
