package io.rpcservices.master.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An answer decided before any call: the health check or a refusal. It travels up the pipeline like
 * a request so that the handler answers it in request order.
 *
 * @param status the HTTP status
 * @param text the plain-text body
 * @param close whether to close the connection after the answer (the rest of the request, if any,
 *     is not read)
 * @param allow the methods to list in {@code Allow}, for 405
 */
record Reply(HttpResponseStatus status, String text, boolean close, @Nullable String allow) {

  /** {@code 200 ok}. */
  static Reply ok(String text, boolean close) {
    return new Reply(HttpResponseStatus.OK, text, close, null);
  }

  /** {@code 404}. */
  static Reply notFound(String path, boolean close) {
    return new Reply(HttpResponseStatus.NOT_FOUND, "no such path: " + path, close, null);
  }

  /** {@code 405} with the methods that {@code path} allows. */
  static Reply methodNotAllowed(String path, String allow, boolean close) {
    return new Reply(HttpResponseStatus.METHOD_NOT_ALLOWED, path + " takes " + allow, close, allow);
  }

  /** {@code 415} for a compressed body. */
  static Reply unsupportedEncoding(String encoding) {
    return new Reply(
        HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported Content-Encoding: " + encoding + " (expected: identity)",
        true,
        null);
  }

  /** {@code 413}: the body is larger than {@code maxBytes}; the connection is closed. */
  static Reply tooLarge(long maxBytes) {
    return new Reply(
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        "request body larger than " + maxBytes + " bytes",
        true,
        null);
  }

  /** {@code 400} for a header whose value is refused; the connection is closed. */
  static Reply invalidHeader(String detail) {
    return new Reply(HttpResponseStatus.BAD_REQUEST, detail, true, null);
  }

  /** {@code 400} for a WebSocket handshake sent behind requests still unanswered. */
  static Reply badHandshake() {
    return new Reply(
        HttpResponseStatus.BAD_REQUEST,
        "WebSocket handshake behind unanswered requests",
        true,
        null);
  }

  /** {@code 400}, {@code 414} or {@code 431} for a request the HTTP decoder refused. */
  static Reply badRequest(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return new Reply(
          HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long", true, null);
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return new Reply(
          HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
          "request headers too large",
          true,
          null);
    }
    return new Reply(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request", true, null);
  }

  /** The HTTP response. */
  FullHttpResponse toResponse() {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    if (allow != null) {
      response.headers().set(HttpHeaderNames.ALLOW, allow);
    }
    HttpUtil.setContentLength(response, response.content().readableBytes());
    HttpUtil.setKeepAlive(response, !close);
    return response;
  }
}
