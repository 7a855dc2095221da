package io.rpcservices.client.internal;

import io.rpcservices.client.TransportException;
import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.ProtocolException;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One open WebSocket that speaks JSON-RPC 2.0 in both directions: requests it sends are matched
 * with their responses by id, so that many threads can share it; calls it receives go to a {@link
 * Handler}. Sends are queued, since a WebSocket takes one text message at a time.
 *
 * <pre>{@code
 * JsonRpcSession session = JsonRpcSession.open(http, uri, codec, handler, timeout).join();
 * RpcResponse pong = session.request(RpcRequest.of("master.ping")).join();
 * }</pre>
 */
public final class JsonRpcSession {
  private static final System.Logger LOGGER = System.getLogger(JsonRpcSession.class.getName());
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /** What a session does with the calls it receives, and what it tells when it closes. */
  public interface Handler {

    /** Handles a request or notification; runs on the socket's thread, so it must not block. */
    void onCall(JsonRpcSession session, JsonRpcMessage.Call call);

    /** Learns that the session closed; its pending requests have failed with {@code reason}. */
    void onClose(JsonRpcSession session, TransportException reason);
  }

  private final URI uri;
  private final JsonRpcCodec codec;
  private final Handler handler;
  private final AtomicLong ids = new AtomicLong();
  private final Map<JsonRpcId, CompletableFuture<RpcResponse>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> closedSignal = new CompletableFuture<>();
  private volatile @Nullable WebSocket socket;
  private volatile @Nullable SendQueue sendQueue;
  private volatile @Nullable TransportException closed;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile @Nullable ScheduledFuture<?> heartbeat;

  private JsonRpcSession(URI uri, JsonRpcCodec codec, Handler handler) {
    this.uri = uri;
    this.codec = codec;
    this.handler = handler;
  }

  /**
   * Opens a session to {@code uri}. The future fails with a {@link TransportException} if the
   * WebSocket cannot be opened within {@code connectTimeout}.
   */
  public static CompletableFuture<JsonRpcSession> open(
      HttpClient http, URI uri, JsonRpcCodec codec, Handler handler, Duration connectTimeout) {
    JsonRpcSession session = new JsonRpcSession(uri, codec, handler);
    return http.newWebSocketBuilder()
        .connectTimeout(connectTimeout)
        .header("User-Agent", "rpcservices-java")
        .buildAsync(uri, session.new Listener())
        .handle(
            (socket, failure) -> {
              if (failure != null) {
                throw Failures.translate(failure, "connection to " + uri + ": ");
              }
              session.opened(socket);
              return session;
            });
  }

  /** Whether the session still takes messages. */
  public boolean isOpen() {
    return closed == null;
  }

  /**
   * Sends {@code request} with a new id; the future completes with its response, or fails with a
   * {@link TransportException} if the session closes first. Cancelling it forgets the request.
   *
   * @throws IllegalArgumentException at once, for a parameter outside the value table
   */
  public CompletableFuture<RpcResponse> request(RpcRequest request) {
    return request(request, null);
  }

  /**
   * The same, telling the peer that the caller waits {@code timeout} (when not null) for the
   * answer: the master takes it as the call's deadline.
   *
   * @throws IllegalArgumentException at once, for a parameter outside the value table
   */
  public CompletableFuture<RpcResponse> request(RpcRequest request, @Nullable Duration timeout) {
    JsonRpcId id = JsonRpcId.of(ids.incrementAndGet());
    String text = encode(JsonRpcMessage.Request.of(id, request, timeout));
    CompletableFuture<RpcResponse> answer = expect(id);
    failOnSendError(send(text, false), answer);
    return answer;
  }

  /**
   * Sends {@code requests} as one batch, each telling the peer that the caller waits {@code
   * timeout} (when not null); the future completes with their responses in order.
   *
   * @throws IllegalArgumentException at once, for a parameter outside the value table
   */
  public CompletableFuture<List<RpcResponse>> requestBatch(
      List<RpcRequest> requests, @Nullable Duration timeout) {
    List<JsonRpcMessage> calls = new ArrayList<>(requests.size());
    for (RpcRequest request : requests) {
      calls.add(JsonRpcMessage.Request.of(JsonRpcId.of(ids.incrementAndGet()), request, timeout));
    }
    String text = encode(new JsonRpcMessage.Batch(calls));
    List<CompletableFuture<RpcResponse>> answers = new ArrayList<>(calls.size());
    for (JsonRpcMessage call : calls) {
      answers.add(expect(((JsonRpcMessage.Request) call).id()));
    }
    CompletableFuture<List<RpcResponse>> all =
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
            .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    // A batch abandoned by its caller forgets the answers it still waits for.
    all.whenComplete((value, failure) -> answers.forEach(answer -> answer.cancel(false)));
    failOnSendError(send(text, false), all);
    return all;
  }

  /**
   * Sends a notification of {@code request}; the future completes once it is written.
   *
   * @throws IllegalArgumentException at once, for a parameter outside the value table
   */
  public CompletableFuture<Void> notify(RpcRequest request) {
    return send(encode(JsonRpcMessage.Notification.of(request)), false);
  }

  /**
   * Answers the request {@code id} received with {@code response}; the future completes once it is
   * written. Answers that queue up behind another message go out together, as one batch.
   *
   * @throws IllegalArgumentException at once, for a result outside the value table
   */
  public CompletableFuture<Void> respond(JsonRpcId id, RpcResponse response) {
    return send(encode(new JsonRpcMessage.Response(id, response)), true);
  }

  /**
   * Pings the peer every {@code interval} and aborts the session when nothing (no message, no pong)
   * has been heard for {@code silence}.
   */
  public void startHeartbeat(Duration interval, Duration silence) {
    heartbeat =
        ClientThreads.TIMER.scheduleAtFixedRate(
            () -> beat(silence), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    if (!isOpen()) {
      stopHeartbeat();
    }
  }

  /**
   * Closes the session normally once the messages queued so far are written: the peer answers the
   * close and the future completes; a peer that does not within 5 s is cut off.
   */
  public CompletableFuture<Void> close() {
    SendQueue queue = sendQueue;
    if (queue != null && isOpen()) {
      queue.close();
      ScheduledFuture<?> cutOff =
          ClientThreads.TIMER.schedule(
              () -> abort("no close from the peer"), CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      closedSignal.whenComplete((value, failure) -> cutOff.cancel(false));
    } else {
      closeWith(new TransportException("connection to " + uri + " closed"));
    }
    return closedSignal.copy();
  }

  /** Cuts the connection at once; pending requests fail with {@code reason}. */
  public void abort(String reason) {
    WebSocket current = socket;
    if (current != null) {
      current.abort();
    }
    closeWith(new TransportException("connection to " + uri + " aborted: " + reason));
  }

  private CompletableFuture<RpcResponse> expect(JsonRpcId id) {
    CompletableFuture<RpcResponse> answer = new CompletableFuture<>();
    pending.put(id, answer);
    answer.whenComplete((value, failure) -> pending.remove(id));
    TransportException reason = closed;
    if (reason != null) {
      answer.completeExceptionally(reason);
    }
    return answer;
  }

  private String encode(JsonRpcMessage message) {
    return new String(codec.encode(message), StandardCharsets.UTF_8);
  }

  private synchronized void opened(WebSocket webSocket) {
    if (sendQueue == null) {
      socket = webSocket;
      sendQueue = new SendQueue(webSocket);
    }
  }

  /**
   * Queues {@code text} after the messages queued before it. The future completes once it is
   * written, or fails with a {@link TransportException}; a failed write aborts the session.
   */
  private CompletableFuture<Void> send(String text, boolean response) {
    SendQueue queue = sendQueue;
    TransportException reason = closed;
    if (reason != null) {
      return CompletableFuture.failedFuture(reason);
    }
    if (queue == null) {
      return CompletableFuture.failedFuture(
          new TransportException("connection to " + uri + ": not open"));
    }
    return queue.text(text, response).handle(
        (value, failure) -> {
          if (failure == null) {
            return null;
          }
          TransportException lost =
              Failures.translate(failure, "connection to " + uri + ": cannot send: ");
          abort(lost.getMessage());
          throw lost;
        });
  }

  private static void failOnSendError(
      CompletableFuture<Void> written, CompletableFuture<?> answer) {
    written.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            answer.completeExceptionally(Failures.unwrap(failure));
          }
        });
  }

  private void beat(Duration silence) {
    WebSocket current = socket;
    if (current == null || !isOpen()) {
      stopHeartbeat();
      return;
    }
    long silentNanos = System.nanoTime() - lastHeardNanos;
    if (silentNanos > silence.toNanos()) {
      abort("nothing heard for " + silence.toMillis() + " ms");
      return;
    }
    current.sendPing(ByteBuffer.allocate(0));
  }

  private void stopHeartbeat() {
    ScheduledFuture<?> current = heartbeat;
    if (current != null) {
      current.cancel(false);
    }
  }

  private void closeWith(TransportException reason) {
    synchronized (this) {
      if (closed != null) {
        return;
      }
      closed = reason;
    }
    stopHeartbeat();
    for (CompletableFuture<RpcResponse> answer : List.copyOf(pending.values())) {
      answer.completeExceptionally(reason);
    }
    closedSignal.complete(null);
    handler.onClose(this, reason);
  }

  private void receive(String text) {
    JsonRpcMessage message;
    try {
      message = codec.decode(text);
    } catch (ProtocolException e) {
      LOGGER.log(Level.WARNING, "dropped a message from " + uri + ": " + e.getMessage());
      return;
    }
    if (message instanceof JsonRpcMessage.Batch batch) {
      batch.messages().forEach(this::dispatch);
    } else {
      dispatch(message);
    }
  }

  private void dispatch(JsonRpcMessage message) {
    if (message instanceof JsonRpcMessage.Response response) {
      CompletableFuture<RpcResponse> answer = pending.get(response.id());
      if (answer != null) {
        answer.complete(response.response());
      }
    } else if (message instanceof JsonRpcMessage.Call call) {
      handler.onCall(this, call);
    } else if (message instanceof JsonRpcMessage.Invalid invalid) {
      LOGGER.log(Level.WARNING, "dropped an invalid message from " + uri + ": " + invalid.reason());
    }
  }

  /** Receives the socket's events one at a time, on the HTTP client's threads. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      opened(webSocket);
      webSocket.request(1);
    }

    @Override
    public @Nullable CompletionStage<?> onText(
        WebSocket webSocket, CharSequence data, boolean last) {
      lastHeardNanos = System.nanoTime();
      long max = codec.limits().maxBodyBytes();
      if (partial.length() + (long) data.length() > max) {
        partial.setLength(0);
        abort("message over " + max + " characters");
        return null;
      }
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        receive(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onBinary(
        WebSocket webSocket, ByteBuffer data, boolean last) {
      abort("binary message (expected: text)");
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      lastHeardNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      lastHeardNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(
        WebSocket webSocket, int statusCode, String reason) {
      closeWith(
          new TransportException(
              "connection to "
                  + uri
                  + " closed: "
                  + statusCode
                  + (reason.isEmpty() ? "" : " " + reason)));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeWith(Failures.translate(error, "connection to " + uri + " failed: "));
    }
  }
}
