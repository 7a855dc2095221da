package io.rpcservices.client.internal;

import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.ProtocolException;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.XmlRpcCodec;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * XML-RPC over HTTP/1.1 with a pool of keep-alive connections, safe to share between threads. Each
 * call has one deadline for all of it; a reply is read into a bounded buffer and decoded by the
 * hardened codec.
 */
public final class HttpTransport {
  private static final String USER_AGENT = "rpcservices-java";
  // One daemon thread fires the deadlines of all calls; a call that ends first cancels its timer.
  private static final ScheduledThreadPoolExecutor DEADLINES = newDeadlineTimer();
  // Completes the calls of transports built without an executor. Not the default pool of
  // CompletableFuture, which starts a thread per task on machines with one or two cores.
  private static final Executor COMPLETIONS =
      Executors.newCachedThreadPool(daemonThreads("rpcservices-client-completions"));

  private final HttpClient http;
  private final URI endpoint;
  private final XmlRpcCodec codec;
  // Decodes replies and completes calls, so that neither the HTTP client's selector nor the
  // deadline thread ever runs a caller's dependent stages.
  private final Executor completions;

  /**
   * A transport that posts to {@code endpoint}. {@code executor}, if given, runs the HTTP client's
   * tasks and completes calls; else the HTTP client's own threads and the default asynchronous pool
   * of {@link CompletableFuture} do.
   */
  public HttpTransport(URI endpoint, Limits limits, @Nullable Executor executor) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (executor != null) {
      builder.executor(executor);
    }
    this.http = builder.build();
    this.completions = executor != null ? executor : COMPLETIONS;
    this.endpoint = endpoint;
    this.codec = new XmlRpcCodec(limits);
  }

  /** The URL calls are posted to. */
  public URI endpoint() {
    return endpoint;
  }

  /** The limits replies are held to. */
  public Limits limits() {
    return codec.limits();
  }

  /**
   * Sends {@code request}. The future completes with the decoded response, or exceptionally with a
   * {@link TransportException} or, once {@code timeout} has passed, an {@link RpcTimeoutException};
   * cancelling it aborts the exchange.
   *
   * @throws IllegalArgumentException at once, for a parameter outside the value table
   */
  public CompletableFuture<RpcResponse> send(RpcRequest request, Duration timeout) {
    String where = request.method() + " at " + endpoint + ": ";
    HttpRequest httpRequest =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("User-Agent", USER_AGENT)
            .POST(BodyPublishers.ofByteArray(codec.encodeRequest(request)))
            .build();
    AtomicReference<@Nullable BoundedBodySubscriber> reader = new AtomicReference<>();
    CompletableFuture<RpcResponse> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(httpRequest, info -> bodySubscriber(info, where, reader));
    exchange.whenCompleteAsync(
        (response, failure) -> {
          if (failure != null) {
            result.completeExceptionally(translate(failure, where, timeout));
          } else {
            complete(result, response.body(), where);
          }
        },
        completions);
    ScheduledFuture<?> deadline =
        DEADLINES.schedule(
            () -> completions.execute(() -> result.completeExceptionally(timedOut(where, timeout))),
            timeout.toMillis(),
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

  private BodySubscriber<byte[]> bodySubscriber(
      HttpResponse.ResponseInfo info,
      String where,
      AtomicReference<@Nullable BoundedBodySubscriber> reader) {
    if (info.statusCode() != 200) {
      return new RejectingBodySubscriber(
          new TransportException(where + "HTTP status " + info.statusCode() + " (expected: 200)"));
    }
    long maxBytes = codec.limits().maxBodyBytes();
    TransportException tooLarge =
        new TransportException(where + "response body over " + maxBytes + " bytes");
    if (info.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
      return new RejectingBodySubscriber(tooLarge);
    }
    BoundedBodySubscriber subscriber = new BoundedBodySubscriber(maxBytes, () -> tooLarge);
    reader.set(subscriber);
    return subscriber;
  }

  private void complete(CompletableFuture<RpcResponse> result, byte[] body, String where) {
    try {
      result.complete(codec.decodeResponse(new ByteArrayInputStream(body)));
    } catch (ProtocolException e) {
      result.completeExceptionally(
          new TransportException(where + "invalid response: " + e.getMessage(), e));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private static RuntimeException translate(Throwable failure, String where, Duration timeout) {
    Throwable cause = unwrap(failure);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TransportException || t instanceof RpcTimeoutException) {
        return (RuntimeException) t;
      }
    }
    if (cause instanceof HttpTimeoutException) {
      return timedOut(where, timeout);
    }
    if (cause instanceof ConnectException) {
      return new TransportException(where + "cannot connect", cause);
    }
    String detail = cause.getMessage();
    return new TransportException(
        where + (detail == null ? cause.getClass().getSimpleName() : detail), cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static RpcTimeoutException timedOut(String where, Duration timeout) {
    return new RpcTimeoutException(where + "no answer within " + timeout.toMillis() + " ms");
  }

  private static ScheduledThreadPoolExecutor newDeadlineTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemonThreads("rpcservices-client-deadlines"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static ThreadFactory daemonThreads(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
