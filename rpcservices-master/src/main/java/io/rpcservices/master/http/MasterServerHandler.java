package io.rpcservices.master.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.rpcservices.master.CallContext;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Serves one connection: hands each RPC request to the {@link Endpoint} of its route (XML-RPC or
 * JSON-RPC, on the master or a group gateway) and writes the answers in request order (HTTP
 * pipelining), with keep-alive. A completed WebSocket handshake turns the connection into a {@link
 * WebSocketSessionHandler}'s. A connection is closed when idle, but never while one of its calls is
 * in flight. When the client goes away (or only shuts down its output), its calls in flight are
 * cancelled, so that a waiting pop hands its item to another waiter rather than to a closed socket.
 * All state is touched on the channel's event loop only.
 */
final class MasterServerHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOGGER = System.getLogger(MasterServerHandler.class.getName());

  /** Pipelined calls of one connection in flight at once; beyond that, reading pauses. */
  private static final int MAX_CALLS_IN_FLIGHT = 16;

  private final FrontEnd frontEnd;
  private final Map<Long, CompletableFuture<byte[]>> calls = new HashMap<>();
  private final Map<Long, FullHttpResponse> ready = new HashMap<>();
  private String remoteAddress = "unknown";
  private long received;
  private long written;
  private boolean closing;

  MasterServerHandler(FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    SocketAddress address = ctx.channel().remoteAddress();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      remoteAddress = inet.getAddress().getHostAddress();
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      ReferenceCountUtil.release(msg);
      return;
    }
    long sequence = received++;
    if (msg instanceof Reply reply) {
      closing = reply.close();
      answer(ctx, sequence, reply.toResponse());
    } else if (msg instanceof FullHttpRequest request && request.decoderResult().isFailure()) {
      closing = true;
      Throwable cause = request.decoderResult().cause();
      request.release();
      answer(ctx, sequence, Reply.badRequest(cause).toResponse());
    } else if (msg instanceof FullHttpRequest request) {
      Route route = Route.of(new QueryStringDecoder(request.uri()).rawPath());
      if (route != null && route.kind() == Route.Kind.WEB_SOCKET && written == sequence) {
        frontEnd.handshake(ctx, request);
        return;
      } else if (route != null && route.kind() == Route.Kind.WEB_SOCKET) {
        // The connection changes protocol at once, so no HTTP answer may still be due on it.
        closing = true;
        request.release();
        answer(ctx, sequence, Reply.badHandshake().toResponse());
      } else if (route == null || !route.takesCalls()) {
        // Only a request that the guard let through and the WebSocket handler did not take.
        closing = true;
        request.release();
        answer(ctx, sequence, Reply.notFound(request.uri(), true).toResponse());
      } else {
        call(ctx, sequence, request, route);
      }
    } else {
      ReferenceCountUtil.release(msg);
      throw new IllegalStateException("unexpected message: " + msg.getClass().getName());
    }
    updateReading(ctx);
  }

  private void call(
      ChannelHandlerContext ctx, long sequence, FullHttpRequest request, Route route) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpVersion version = request.protocolVersion();
    closing = !keepAlive;
    Endpoint endpoint = frontEnd.endpoint(route);
    CallContext context = frontEnd.context(remoteAddress, request, route);
    CompletableFuture<byte[]> call = endpoint.call(request.content(), context);
    calls.put(sequence, call);
    call.whenComplete(
        (body, error) -> {
          Runnable write =
              () -> {
                calls.remove(sequence);
                if (error == null && ctx.channel().isActive()) {
                  answer(ctx, sequence, response(body, endpoint.contentType(), version, keepAlive));
                }
                updateReading(ctx);
              };
          if (ctx.executor().inEventLoop()) {
            write.run();
          } else {
            ctx.executor().execute(write);
          }
        });
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    updateReading(ctx);
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      frontEnd.upgrade(ctx.pipeline(), this, remoteAddress);
      return;
    }
    if (event instanceof IdleStateEvent) {
      // Idle, or stalled in the middle of a request; a call in flight (such as a pop waiting for
      // an item) is not idleness.
      if (calls.isEmpty()) {
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    calls.values().forEach(call -> call.cancel(false));
    calls.clear();
    ready.values().forEach(ReferenceCountUtil::release);
    ready.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOGGER.log(Level.DEBUG, "closing connection from " + remoteAddress, cause);
    ctx.close();
  }

  /** Queues the answer to request {@code sequence} and writes all answers that are now due. */
  private void answer(ChannelHandlerContext ctx, long sequence, FullHttpResponse response) {
    ready.put(sequence, response);
    boolean wrote = false;
    for (FullHttpResponse next = ready.remove(written);
        next != null;
        next = ready.remove(written)) {
      written++;
      wrote = true;
      if (!HttpUtil.isKeepAlive(next)) {
        ctx.writeAndFlush(next).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      ctx.write(next);
    }
    if (wrote) {
      ctx.flush();
    }
  }

  /** Reads on while this connection may take more requests and its peer reads its answers. */
  private void updateReading(ChannelHandlerContext ctx) {
    ctx.channel()
        .config()
        .setAutoRead(!closing && calls.size() < MAX_CALLS_IN_FLIGHT && ctx.channel().isWritable());
  }

  /** The answer: {@code 200} with {@code body}, or {@code 204} when the body is empty. */
  private static FullHttpResponse response(
      byte[] body, String contentType, HttpVersion version, boolean keepAlive) {
    if (body.length == 0) {
      FullHttpResponse empty = new DefaultFullHttpResponse(version, HttpResponseStatus.NO_CONTENT);
      HttpUtil.setKeepAlive(empty, keepAlive);
      return empty;
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(version, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    HttpUtil.setContentLength(response, body.length);
    HttpUtil.setKeepAlive(response, keepAlive);
    return response;
  }
}
