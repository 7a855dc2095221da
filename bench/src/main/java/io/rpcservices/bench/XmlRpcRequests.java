package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Pre-encodes complete HTTP/1.1 XML-RPC requests (headers and body), so the load generator spends
 * no time encoding and sends byte-identical calls to every server.
 */
final class XmlRpcRequests {
  private XmlRpcRequests() {}

  /**
   * One request as a read-only buffer that is never released: write {@code duplicate()}s of it.
   *
   * @param params strings and integers only, which is all the workloads need
   */
  static ByteBuf encode(Endpoint endpoint, String methodName, Object... params) {
    byte[] body = body(methodName, params).getBytes(StandardCharsets.UTF_8);
    return HttpPosts.encode(endpoint, "text/xml", body);
  }

  private static String body(String methodName, Object... params) {
    StringBuilder xml = new StringBuilder(128);
    xml.append("<?xml version=\"1.0\"?><methodCall><methodName>")
        .append(methodName)
        .append("</methodName><params>");
    for (Object param : params) {
      xml.append("<param><value>").append(value(param)).append("</value></param>");
    }
    return xml.append("</params></methodCall>").toString();
  }

  private static String value(Object param) {
    if (param instanceof Integer number) {
      return "<int>" + number + "</int>";
    }
    if (param instanceof String text) {
      return "<string>" + text + "</string>";
    }
    throw new IllegalArgumentException("param: " + param + " (expected: String or Integer)");
  }
}
