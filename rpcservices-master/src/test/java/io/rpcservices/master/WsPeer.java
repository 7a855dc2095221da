package io.rpcservices.master;

import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket peer of a running master on {@code /ws}, written with java.net.http as an outside
 * client would: sends JSON-RPC requests and matches their responses by id; hands calls from the
 * master (requests and notifications) to a handler, or queues them.
 */
public final class WsPeer implements AutoCloseable {
  private static final long WAIT_SECONDS = 10;

  private final JsonRpcCodec codec = new JsonRpcCodec(Limits.DEFAULT);
  private final AtomicLong ids = new AtomicLong();
  private final Map<JsonRpcId, CompletableFuture<RpcResponse>> pending = new ConcurrentHashMap<>();
  private final BlockingQueue<JsonRpcMessage> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private volatile Consumer<JsonRpcMessage.Call> calls = received::add;
  private final WebSocket socket;

  private WsPeer(String url) {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(WAIT_SECONDS))
            .buildAsync(URI.create(url), new Listener())
            .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
            .join();
  }

  /** Connects to {@code master}'s {@code /ws}. */
  public static WsPeer connect(Master master) {
    return new WsPeer(master.url().replace("http:", "ws:") + "/ws");
  }

  /** Hands the calls that arrive from now on to {@code handler}, on the socket's thread. */
  public void onCall(Consumer<JsonRpcMessage.Call> handler) {
    calls = handler;
  }

  /** Sends a request with positional parameters; the future completes with its response. */
  public CompletableFuture<RpcResponse> request(String method, @Nullable Object... params) {
    JsonRpcId id = JsonRpcId.of("c" + ids.incrementAndGet());
    CompletableFuture<RpcResponse> response = new CompletableFuture<>();
    pending.put(id, response);
    send(
        new JsonRpcMessage.Request(
            id, method, new JsonRpcParams.Positional(Arrays.asList(params))));
    return response;
  }

  /** Calls {@code method} and waits for its response. */
  public RpcResponse call(String method, @Nullable Object... params) {
    return await(request(method, params));
  }

  /** Sends a message. */
  public void send(JsonRpcMessage message) {
    sendText(new String(codec.encode(message), StandardCharsets.UTF_8));
  }

  /** Sends text as one message. */
  public void sendText(String text) {
    synchronized (socket) {
      socket.sendText(text, true).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }
  }

  /** Sends a binary message, which the master does not take. */
  public void sendBinary(byte[] bytes) {
    synchronized (socket) {
      socket
          .sendBinary(ByteBuffer.wrap(bytes), true)
          .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
          .join();
    }
  }

  /** The next queued message from the master that is no response to a request of ours. */
  public JsonRpcMessage next() {
    try {
      JsonRpcMessage message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + WAIT_SECONDS + " s");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether a message from the master is queued. */
  public boolean hasNext() {
    return !received.isEmpty();
  }

  /** Completes with the close status when the master closes the session, or -1 on an error. */
  public CompletableFuture<Integer> closed() {
    return closed;
  }

  /** Drops the connection without a close handshake, as a killed process would. */
  public void abort() {
    socket.abort();
  }

  /** Closes the session with a close handshake. */
  @Override
  public void close() {
    synchronized (socket) {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
      }
    }
  }

  /** Waits up to ten seconds for {@code future}. */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private void receive(String text) {
    JsonRpcMessage message = codec.decode(text);
    if (message instanceof JsonRpcMessage.Response response && pending.containsKey(response.id())) {
      pending.remove(response.id()).complete(response.response());
    } else if (message instanceof JsonRpcMessage.Call call) {
      calls.accept(call);
    } else {
      received.add(message);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        receive(message);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
