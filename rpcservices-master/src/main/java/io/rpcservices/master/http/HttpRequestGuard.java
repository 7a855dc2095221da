package io.rpcservices.master.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Routes requests by their head, before any body is buffered: RPC posts (XML-RPC, JSON-RPC, group
 * gateways) and WebSocket handshakes go on to the aggregator; the health check, unknown paths,
 * wrong methods, compressed bodies, invalid {@code X-Rpc-Timeout} headers and malformed requests
 * become a {@link Reply}, and their bodies are dropped.
 */
final class HttpRequestGuard extends ChannelInboundHandlerAdapter {
  /** Whether the body of a refused request is still coming in, to be dropped. */
  private boolean discarding;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      Reply reply = check(request);
      if (reply == null) {
        ctx.fireChannelRead(msg);
        return;
      }
      discarding = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      ctx.fireChannelRead(reply);
    } else if (discarding && msg instanceof HttpContent) {
      discarding = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  /** The reply for {@code request}, or {@code null} if it is a call or handshake to pass on. */
  @Nullable
  private static Reply check(HttpRequest request) {
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      return Reply.badRequest(result.cause());
    }
    String path = new QueryStringDecoder(request.uri()).rawPath();
    boolean hasBody =
        HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
    // A refused request's body is not read: the connection closes after the answer.
    boolean close = hasBody || !HttpUtil.isKeepAlive(request);
    Route route = Route.of(path);
    if (route == null) {
      return Reply.notFound(path, close);
    }
    switch (route.kind()) {
      case HEALTH:
        if (!request.method().equals(HttpMethod.GET)) {
          return Reply.methodNotAllowed(path, "GET", close);
        }
        return Reply.ok("ok", close);
      case WEB_SOCKET:
        // The WebSocket handler answers handshakes, and refuses requests that are none.
        return request.method().equals(HttpMethod.GET)
            ? null
            : Reply.methodNotAllowed(path, "GET", close);
      default:
        return checkCall(request, path, close);
    }
  }

  @Nullable
  private static Reply checkCall(HttpRequest request, String path, boolean close) {
    if (!request.method().equals(HttpMethod.POST)) {
      return Reply.methodNotAllowed(path, "POST", close);
    }
    String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
    if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
      return Reply.unsupportedEncoding(encoding);
    }
    try {
      RpcTimeoutHeader.parse(request.headers().get(RpcTimeoutHeader.NAME), Duration.ZERO);
    } catch (IllegalArgumentException e) {
      return Reply.invalidHeader(e.getMessage());
    }
    return null;
  }
}
