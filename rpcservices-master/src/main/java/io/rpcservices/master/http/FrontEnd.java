package io.rpcservices.master.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.rpcservices.master.CallContext;
import io.rpcservices.master.Deadline;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.XmlRpcCodec;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of one server shares: the endpoints of both protocols, the settings, and
 * the switch of a connection from HTTP to a WebSocket session.
 */
final class FrontEnd {
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final XmlRpcEndpoint xmlRpc;
  private final JsonRpcEndpoint jsonRpc;
  private final JsonRpcCalls jsonRpcCalls;
  private final Executor executor;
  private final ServerOptions options;
  private final int maxBodyBytes;
  private final AtomicLong sessions = new AtomicLong();

  FrontEnd(ServerOptions options, Dispatcher dispatcher, Executor executor) {
    this.options = options;
    this.executor = executor;
    this.maxBodyBytes = (int) Math.min(options.limits().maxBodyBytes(), Integer.MAX_VALUE);
    this.xmlRpc = new XmlRpcEndpoint(new XmlRpcCodec(options.limits()), dispatcher, executor);
    this.jsonRpcCalls = new JsonRpcCalls(dispatcher, new JsonRpcCodec(options.limits()));
    this.jsonRpc = new JsonRpcEndpoint(jsonRpcCalls, executor);
  }

  /** The settings. */
  ServerOptions options() {
    return options;
  }

  /** The largest request body or WebSocket message, in bytes. */
  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The endpoint of an RPC route. */
  Endpoint endpoint(Route route) {
    return route.kind() == Route.Kind.JSON_RPC ? jsonRpc : xmlRpc;
  }

  /**
   * The context of a call from {@code remoteAddress} over {@code route}, whose deadline the request
   * header {@code X-Rpc-Timeout} sets (the guard has checked it).
   */
  CallContext context(String remoteAddress, HttpRequest request, Route route) {
    Duration timeout =
        RpcTimeoutHeader.parse(request.headers().get(RpcTimeoutHeader.NAME), options.callTimeout());
    return new CallContext(remoteAddress, Deadline.after(timeout), null, route.group());
  }

  /**
   * Starts the WebSocket handshake of {@code request} (a {@code GET /ws}), which {@code
   * httpHandler} received: Netty's protocol handler joins the pipeline before it and answers the
   * request, with {@code 101} or a refusal. Its completion calls for {@link #upgrade}.
   */
  void handshake(ChannelHandlerContext httpHandler, FullHttpRequest request) {
    ChannelPipeline pipeline = httpHandler.pipeline();
    pipeline.addBefore(
        httpHandler.name(), "websocket", new WebSocketServerProtocolHandler(webSocketConfig()));
    // The protocol handler has put its handshake handler before itself: the request goes there.
    httpHandler.pipeline().context("body").fireChannelRead(request);
  }

  /**
   * Turns the pipeline of a connection whose WebSocket handshake has completed into a session: the
   * heartbeat replaces the idle timer, frames are reassembled into messages, and a session handler
   * replaces {@code httpHandler}.
   */
  void upgrade(ChannelPipeline pipeline, ChannelHandler httpHandler, String remoteAddress) {
    long period = options.heartbeatTimeout().toNanos() / 3;
    pipeline.remove(HttpRequestGuard.class);
    pipeline.replace(
        IdleStateHandler.class,
        "heartbeat",
        new IdleStateHandler(period, 0, 0, TimeUnit.NANOSECONDS));
    pipeline.addBefore(
        pipeline.context(httpHandler).name(),
        "messages",
        new WebSocketFrameAggregator(maxBodyBytes));
    pipeline.replace(
        httpHandler,
        "session",
        new WebSocketSessionHandler(
            "ws-" + sessions.incrementAndGet(),
            remoteAddress,
            jsonRpcCalls,
            executor,
            options.callTimeout(),
            maxBodyBytes));
  }

  private WebSocketServerProtocolConfig webSocketConfig() {
    return WebSocketServerProtocolConfig.newBuilder()
        .websocketPath("/ws")
        // Also "/ws?..."; the guard has refused other paths below /ws.
        .checkStartsWith(true)
        .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
        .decoderConfig(
            WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxBodyBytes)
                .allowExtensions(false)
                .build())
        .build();
  }
}
