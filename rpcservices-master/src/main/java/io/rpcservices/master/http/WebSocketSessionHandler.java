package io.rpcservices.master.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.rpcservices.master.CallContext;
import io.rpcservices.master.Deadline;
import io.rpcservices.master.Peer;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.ProtocolException;
import io.rpcservices.protocol.RpcResponse;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket session on {@code /ws}: JSON-RPC 2.0 in both directions, one message (or batch) per
 * text frame. Calls from the peer run like calls over HTTP, with the master's call timeout as their
 * deadline, and are answered as they complete; responses from the peer complete the requests the
 * master sent it ({@link Peer#request}). As over HTTP, a small message is decoded on the event loop,
 * which also completes the requests its responses answer and routes its calls to workers; other
 * calls, and larger messages, go to the call executor. Messages to the peer queued while the event
 * loop is busy are written with one flush.
 *
 * <p>Heartbeat: a session that has sent nothing (WebSocket pings and pongs count) for a third of
 * the heartbeat timeout gets a ping, which every WebSocket client answers; one silent for the whole
 * timeout is closed. When the session closes, its calls in flight are cancelled and the master's
 * requests to it fail with {@link ClosedChannelException}.
 */
final class WebSocketSessionHandler extends ChannelInboundHandlerAdapter implements Peer {
  private static final System.Logger LOGGER =
      System.getLogger(WebSocketSessionHandler.class.getName());

  /** Calls of one session in flight at once; beyond that, reading pauses. */
  private static final int MAX_CALLS_IN_FLIGHT = 1024;

  /** Silent heartbeat periods (a third of the timeout each) after which the session closes. */
  private static final int SILENT_PERIODS = 3;

  private final String id;
  private final String remoteAddress;
  private final JsonRpcCalls calls;
  private final Executor executor;
  private final Duration callTimeout;
  private final long maxUnsentBytes;
  private final Map<Long, CompletableFuture<RpcResponse>> requests = new ConcurrentHashMap<>();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  // The messages being handled on the call pool. When the session closes, the requests it still
  // owes answers for fail only after these are handled: a worker's last answers arrive just before
  // its close frame, and failing first would send those calls again to another worker.
  private final Set<CompletableFuture<?>> receiving = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<@Nullable Void> closed = new CompletableFuture<>();
  private final Queue<TextWebSocketFrame> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private volatile @Nullable Channel channel;
  private int silentPeriods;

  WebSocketSessionHandler(
      String id,
      String remoteAddress,
      JsonRpcCalls calls,
      Executor executor,
      Duration callTimeout,
      long maxUnsentBytes) {
    this.id = id;
    this.remoteAddress = remoteAddress;
    this.calls = calls;
    this.executor = executor;
    this.callTimeout = callTimeout;
    this.maxUnsentBytes = maxUnsentBytes;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    if (!ctx.channel().isActive()) {
      sessionClosed();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof TextWebSocketFrame frame)) {
      ReferenceCountUtil.release(msg);
      ctx.writeAndFlush(
              new CloseWebSocketFrame(
                  WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "only text frames are supported"))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    String text = frame.text();
    boolean small = frame.content().readableBytes() <= CallEndpoint.INLINE_DECODE_BYTES;
    frame.release();
    if (small) {
      receive(text);
    } else {
      onCallThread(() -> receive(text));
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent idle) {
      silentPeriods = idle.isFirst() ? 1 : silentPeriods + 1;
      if (silentPeriods >= SILENT_PERIODS) {
        LOGGER.log(Level.DEBUG, "closing silent WebSocket session " + id);
        ctx.writeAndFlush(
                new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "heartbeat"))
            .addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.writeAndFlush(new PingWebSocketFrame());
      }
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    updateReading();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    sessionClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOGGER.log(Level.DEBUG, "closing WebSocket session " + id, cause);
    ctx.close();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public void notify(String method, List<@Nullable Object> params) {
    send(new JsonRpcMessage.Notification(method, new JsonRpcParams.Positional(params)));
  }

  @Override
  public CompletableFuture<RpcResponse> request(
      long requestId, String method, List<@Nullable Object> params) {
    CompletableFuture<RpcResponse> response = new CompletableFuture<>();
    if (requests.putIfAbsent(requestId, response) != null) {
      throw new IllegalStateException("request id already in use: " + requestId);
    }
    // Closing clears the map after setting the flag: a request added meanwhile fails here.
    if (closed.isDone()) {
      fail(requestId);
      return response;
    }
    send(
        new JsonRpcMessage.Request(
            JsonRpcId.of(requestId), method, new JsonRpcParams.Positional(params)));
    return response;
  }

  @Override
  public void close() {
    Channel open = channel;
    if (open != null && open.isActive()) {
      open.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "bye"))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public CompletableFuture<@Nullable Void> closed() {
    // A copy, so that nobody outside can complete the session's own future.
    return closed.copy();
  }

  @Override
  public String toString() {
    return "WebSocket session " + id + " from " + remoteAddress;
  }

  /**
   * Takes in one message: completes the requests its responses answer, and answers its calls, on
   * the call executor unless they never block (or this already runs there).
   */
  private void receive(String text) {
    JsonRpcMessage message;
    try {
      message = calls.codec().decode(text);
    } catch (ProtocolException e) {
      send(new JsonRpcMessage.Response(JsonRpcId.NULL, e.toFault()));
      return;
    }
    JsonRpcMessage toAnswer = takeResponses(message);
    if (toAnswer == null) {
      return;
    }
    CallContext context = new CallContext(remoteAddress, Deadline.after(callTimeout), this, null);
    Channel open = channel;
    if (open != null
        && open.eventLoop().inEventLoop()
        && !calls.neverBlocks(toAnswer, context)) {
      onCallThread(() -> answer(toAnswer, context));
    } else {
      answer(toAnswer, context);
    }
  }

  /** Runs {@code task} on the call executor; the session counts it as a message being handled. */
  private void onCallThread(Runnable task) {
    CompletableFuture<@Nullable Void> handled = new CompletableFuture<>();
    receiving.add(handled);
    handled.whenComplete((value, error) -> receiving.remove(handled));
    track(handled);
    try {
      executor.execute(
          () -> {
            try {
              task.run();
            } finally {
              handled.complete(null);
            }
          });
    } catch (RejectedExecutionException e) {
      handled.complete(null);
    }
  }

  /** Completes the requests that the responses in {@code message} answer; returns the rest. */
  private @Nullable JsonRpcMessage takeResponses(JsonRpcMessage message) {
    List<JsonRpcMessage> entries =
        message instanceof JsonRpcMessage.Batch batch ? batch.messages() : List.of(message);
    List<JsonRpcMessage> rest = new ArrayList<>();
    for (JsonRpcMessage entry : entries) {
      if (entry instanceof JsonRpcMessage.Response response) {
        complete(response);
      } else {
        rest.add(entry);
      }
    }
    if (rest.isEmpty()) {
      return null;
    }
    return message instanceof JsonRpcMessage.Batch ? new JsonRpcMessage.Batch(rest) : rest.get(0);
  }

  private void complete(JsonRpcMessage.Response response) {
    CompletableFuture<RpcResponse> request =
        response.id() instanceof JsonRpcId.NumberId number ? requests.remove(parse(number)) : null;
    if (request == null) {
      LOGGER.log(Level.DEBUG, id + " answered an unknown request: " + response.id());
      return;
    }
    request.complete(response.response());
  }

  private void answer(JsonRpcMessage message, CallContext context) {
    CompletableFuture<Optional<JsonRpcMessage>> answer = calls.answer(message, context);
    track(answer);
    answer.thenAccept(response -> response.ifPresent(this::send));
  }

  /** Counts {@code work} as in flight until it completes; reading pauses while too much is. */
  private void track(CompletableFuture<?> work) {
    inFlight.add(work);
    updateReading();
    work.whenComplete(
        (value, error) -> {
          inFlight.remove(work);
          updateReading();
        });
    if (closed.isDone() && !receiving.contains(work)) {
      work.cancel(false);
    }
  }

  private void send(JsonRpcMessage message) {
    Channel open = channel;
    if (open == null || !open.isActive()) {
      return;
    }
    if (open.bytesBeforeWritable() > maxUnsentBytes) {
      LOGGER.log(Level.WARNING, "closing " + this + ": it does not read what it is sent");
      open.close();
      return;
    }
    outbox.add(new TextWebSocketFrame(Unpooled.wrappedBuffer(calls.encode(message))));
    if (flushScheduled.compareAndSet(false, true)) {
      open.eventLoop().execute(() -> writeOutbox(open));
    }
  }

  /** On the event loop: writes the queued messages, then flushes them all at once. */
  private void writeOutbox(Channel open) {
    flushScheduled.set(false);
    for (TextWebSocketFrame frame = outbox.poll(); frame != null; frame = outbox.poll()) {
      open.write(frame, open.voidPromise());
    }
    open.flush();
  }

  private void updateReading() {
    Channel open = channel;
    if (open != null) {
      open.config().setAutoRead(inFlight.size() < MAX_CALLS_IN_FLIGHT && open.isWritable());
    }
  }

  private void sessionClosed() {
    if (!closed.complete(null)) {
      return;
    }
    inFlight.stream().filter(work -> !receiving.contains(work)).forEach(work -> work.cancel(false));
    CompletableFuture.allOf(receiving.toArray(CompletableFuture<?>[]::new))
        .whenComplete((value, error) -> requests.keySet().forEach(this::fail));
  }

  private void fail(long requestId) {
    CompletableFuture<RpcResponse> request = requests.remove(requestId);
    if (request != null) {
      request.completeExceptionally(new ClosedChannelException());
    }
  }

  private static long parse(JsonRpcId.NumberId number) {
    try {
      return Long.parseLong(number.literal());
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }
}
