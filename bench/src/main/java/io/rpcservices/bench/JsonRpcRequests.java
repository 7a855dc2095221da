package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Pre-encodes complete HTTP/1.1 JSON-RPC 2.0 requests (headers and body), the counterpart of
 * {@link XmlRpcRequests} for {@code POST /jsonrpc}.
 */
final class JsonRpcRequests {
  private JsonRpcRequests() {}

  /**
   * One request with id 1 as a read-only buffer that is never released: write {@code duplicate()}s
   * of it.
   */
  static ByteBuf encode(Endpoint endpoint, String methodName, int... params) {
    String json =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + methodName
            + "\",\"params\":["
            + Arrays.stream(params).mapToObj(Integer::toString).collect(Collectors.joining(","))
            + "]}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return HttpPosts.encode(endpoint, "application/json", body);
  }
}
