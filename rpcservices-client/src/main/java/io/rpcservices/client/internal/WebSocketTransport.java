package io.rpcservices.client.internal;

import io.rpcservices.client.EventListener;
import io.rpcservices.client.Subscription;
import io.rpcservices.client.TransportException;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * JSON-RPC 2.0 over one WebSocket shared by all the calls of a client, matched with their answers
 * by id. The socket opens with the first call and again with the first call after it closed. While
 * listeners are subscribed to events, a closed socket is reopened at once (with backoff) and the
 * subscriptions renewed, so that events keep coming.
 *
 * <p>Each call tells the master its timeout (the request member {@code timeout}, in seconds), which
 * the master takes as the call's deadline; the client waits a short grace past it for the master's
 * CallTimeoutError, as over HTTP, and then gives up.
 */
public final class WebSocketTransport implements Transport {
  private static final System.Logger LOGGER = System.getLogger(WebSocketTransport.class.getName());
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final Duration SILENCE = Duration.ofSeconds(20);
  private static final Duration RESUBSCRIBE_TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final JsonRpcCodec codec;
  private final HttpClient http;
  private final Executor completions;
  private final EventSubscriptions events;
  private final JsonRpcSession.Handler handler = new Handler();
  private final Object lock = new Object();
  // Guarded by lock: the session in use or being opened, null before the first call and after a
  // close; whether a session was ever opened; whether the transport is closed; the reconnection
  // scheduled (null when none is) and its backoff.
  private @Nullable CompletableFuture<JsonRpcSession> session;
  private boolean reopening;
  private boolean closed;
  private @Nullable ScheduledFuture<?> reconnection;
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  /**
   * A transport to the WebSocket at {@code endpoint}, such as {@code ws://127.0.0.1:8000/ws}.
   * {@code executor}, if given, runs the WebSocket's tasks, completes calls and delivers events.
   */
  public WebSocketTransport(URI endpoint, Limits limits, @Nullable Executor executor) {
    HttpClient.Builder builder = HttpClient.newBuilder();
    if (executor != null) {
      builder.executor(executor);
    }
    this.http = builder.build();
    this.endpoint = endpoint;
    this.codec = new JsonRpcCodec(limits);
    this.completions = executor != null ? executor : ClientThreads.COMPLETIONS;
    this.events = new EventSubscriptions(completions);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public Limits limits() {
    return codec.limits();
  }

  @Override
  public CompletableFuture<RpcResponse> send(RpcRequest request, Duration timeout) {
    return call(request.method(), timeout, session -> session.request(request, timeout));
  }

  @Override
  public boolean sendsBatches() {
    return true;
  }

  @Override
  public CompletableFuture<List<RpcResponse>> sendBatch(
      List<RpcRequest> requests, Duration timeout) {
    return call(
        "batch of " + requests.size() + " calls",
        timeout,
        session -> session.requestBatch(requests, timeout));
  }

  /**
   * Adds {@code listener} for the events whose subject matches {@code pattern}. The first listener
   * of a pattern must then be confirmed with {@code events.subscribe(pattern)} on this transport;
   * closing the last one unsubscribes from the master.
   */
  public Listening listen(String pattern, EventListener listener) {
    EventSubscriptions.Registration registration =
        new EventSubscriptions.Registration(pattern, listener);
    boolean first = events.add(registration);
    return new Listening(new EventSubscription(registration), first);
  }

  /**
   * A listener added by {@link #listen}.
   *
   * @param subscription closes it
   * @param first whether it is the first listener of its pattern
   */
  public record Listening(Subscription subscription, boolean first) {}

  @Override
  public void close() {
    CompletableFuture<JsonRpcSession> current;
    synchronized (lock) {
      closed = true;
      current = session;
      session = null;
      if (reconnection != null) {
        reconnection.cancel(false);
      }
    }
    if (current != null) {
      current.thenAccept(JsonRpcSession::close);
    }
  }

  private <T> CompletableFuture<T> call(
      String what, Duration timeout, Function<JsonRpcSession, CompletableFuture<T>> exchange) {
    String where = what + " at " + endpoint + ": ";
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<T> answer = session().thenCompose(exchange);
    answer.whenCompleteAsync(
        (value, failure) -> {
          if (failure == null) {
            result.complete(value);
          } else if (Failures.unwrap(failure) instanceof IllegalArgumentException e) {
            result.completeExceptionally(e);
          } else {
            result.completeExceptionally(Failures.translate(failure, where));
          }
        },
        completions);
    // The master ends the call at its timeout; a grace past it lets its CallTimeoutError arrive.
    ScheduledFuture<?> deadline =
        ClientThreads.TIMER.schedule(
            () ->
                completions.execute(
                    () -> result.completeExceptionally(Deadlines.timedOut(where, timeout))),
            timeout.plus(Deadlines.grace(timeout)).toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete(
        (value, failure) -> {
          deadline.cancel(false);
          // Forgets the request, so that a late answer is dropped.
          answer.cancel(false);
        });
    return result;
  }

  /** The open session, or one being opened. */
  private CompletableFuture<JsonRpcSession> session() {
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new TransportException("connection to " + endpoint + ": client closed"));
      }
      CompletableFuture<JsonRpcSession> current = session;
      if (current != null && !isDead(current)) {
        return current;
      }
      CompletableFuture<JsonRpcSession> opening =
          JsonRpcSession.open(http, endpoint, codec, handler, CONNECT_TIMEOUT);
      session = opening;
      opening.whenComplete(
          (opened, failure) -> {
            if (opened != null) {
              opened.startHeartbeat(HEARTBEAT, SILENCE);
              boolean renew;
              synchronized (lock) {
                renew = reopening;
                reopening = true;
                backoff.reset();
              }
              // On the first session, each subscription is made by its own events.subscribe.
              if (renew) {
                resubscribe(opened);
              }
            } else if (!events.patterns().isEmpty()) {
              reconnectLater();
            }
          });
      return opening;
    }
  }

  private static boolean isDead(CompletableFuture<JsonRpcSession> session) {
    return session.isCompletedExceptionally() || (session.isDone() && !session.join().isOpen());
  }

  /** The session {@code opening} opened, or null if it has not (yet). */
  private static @Nullable JsonRpcSession opened(
      @Nullable CompletableFuture<JsonRpcSession> opening) {
    return opening == null || !opening.isDone() || opening.isCompletedExceptionally()
        ? null
        : opening.join();
  }

  /**
   * Renews the subscriptions on a new session. A session that does not answer is dropped (and
   * opened again); a pattern the master refuses is logged, since asking again would not help.
   */
  private void resubscribe(JsonRpcSession opened) {
    for (String pattern : events.patterns()) {
      opened
          .request(RpcRequest.of("events.subscribe", pattern))
          .orTimeout(RESUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete(
              (response, failure) -> {
                if (failure != null) {
                  opened.abort("no answer to events.subscribe(" + pattern + ")");
                } else if (response instanceof Fault fault) {
                  LOGGER.log(
                      Level.WARNING,
                      "events.subscribe(" + pattern + ") at " + endpoint + ": " + fault.message());
                }
              });
    }
  }

  private void reconnectLater() {
    synchronized (lock) {
      if (closed || reconnection != null) {
        return;
      }
      reconnection =
          ClientThreads.TIMER.schedule(
              this::reconnect, backoff.nextDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void reconnect() {
    synchronized (lock) {
      reconnection = null;
    }
    session();
  }

  /** The events of the sessions: notifications to deliver, and closes to recover from. */
  private final class Handler implements JsonRpcSession.Handler {
    @Override
    public void onCall(JsonRpcSession from, JsonRpcMessage.Call call) {
      if (call instanceof JsonRpcMessage.Notification notification) {
        if (notification.method().equals("events.event")
            && notification.params() instanceof JsonRpcParams.Positional positional) {
          events.deliver(positional.values());
        }
      } else if (call instanceof JsonRpcMessage.Request request) {
        from.respond(
            request.id(),
            Fault.of(
                FaultCode.METHOD_NOT_FOUND, "no such method: " + request.method() + " (a client)"));
      }
    }

    @Override
    public void onClose(JsonRpcSession from, TransportException reason) {
      synchronized (lock) {
        CompletableFuture<JsonRpcSession> current = session;
        if (opened(current) == from) {
          session = null;
        }
      }
      if (!events.patterns().isEmpty()) {
        reconnectLater();
      }
    }
  }

  /** A listener's subscription; closing the last one of a pattern unsubscribes from the master. */
  private final class EventSubscription implements Subscription {
    private final EventSubscriptions.Registration registration;

    EventSubscription(EventSubscriptions.Registration registration) {
      this.registration = registration;
    }

    @Override
    public String pattern() {
      return registration.pattern();
    }

    @Override
    public void close() {
      registration.deactivate();
      if (events.remove(registration)) {
        CompletableFuture<JsonRpcSession> current;
        synchronized (lock) {
          current = session;
        }
        JsonRpcSession open = opened(current);
        if (open != null) {
          // Waits for the master's answer, so that nothing published after close() returns is
          // still delivered to this socket; a session that fails meanwhile drops the pattern too.
          try {
            open.request(RpcRequest.of("events.unsubscribe", registration.pattern()))
                .get(RESUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (ExecutionException | TimeoutException e) {
            LOGGER.log(
                Level.DEBUG,
                "events.unsubscribe(" + registration.pattern() + ") at " + endpoint + ": " + e);
          }
        }
      }
    }
  }
}
