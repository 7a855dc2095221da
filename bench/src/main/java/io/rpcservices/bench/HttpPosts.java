package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Pre-encodes complete HTTP/1.1 keep-alive POST requests, headers and body, for the load runs. */
final class HttpPosts {
  private HttpPosts() {}

  /**
   * A POST of {@code body} to {@code endpoint} as a read-only buffer that is never released: write
   * {@code duplicate()}s of it.
   */
  static ByteBuf encode(Endpoint endpoint, String contentType, byte[] body) {
    String head =
        "POST "
            + endpoint.path()
            + " HTTP/1.1\r\n"
            + "Host: "
            + endpoint.authority()
            + "\r\n"
            + "User-Agent: rpcservices-bench\r\n"
            + "Content-Type: "
            + contentType
            + "\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "Connection: keep-alive\r\n"
            + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    // A heap buffer: nothing to release when the run drops it, unlike a direct one.
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(headBytes, body));
  }
}
