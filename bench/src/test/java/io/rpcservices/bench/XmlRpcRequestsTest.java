package io.rpcservices.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlRpcRequestsTest {
  private static final Endpoint ENDPOINT = new Endpoint("127.0.0.1", 8000, "/RPC2");

  @Test
  void encodeWholeKeepAliveRequest() {
    ByteBuf request = XmlRpcRequests.encode(ENDPOINT, "stack.pop", "jobs", 30);

    String body =
        "<?xml version=\"1.0\"?><methodCall><methodName>stack.pop</methodName><params>"
            + "<param><value><string>jobs</string></value></param>"
            + "<param><value><int>30</int></value></param></params></methodCall>";
    assertThat(request.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "POST /RPC2 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:8000\r\n"
                + "User-Agent: rpcservices-bench\r\n"
                + "Content-Type: text/xml\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n"
                + "Connection: keep-alive\r\n"
                + "\r\n"
                + body);
  }

  @Test
  void duplicatesLeaveTheRequestWhole() {
    ByteBuf request = XmlRpcRequests.encode(ENDPOINT, "master.ping");
    int size = request.readableBytes();

    ByteBuf sent = request.duplicate();
    sent.skipBytes(size);
    sent.release();

    assertThat(request.readableBytes()).isEqualTo(size);
    assertThat(request.refCnt()).isEqualTo(1);
  }

  @Test
  void rejectOtherParameterTypes() {
    assertThatThrownBy(() -> XmlRpcRequests.encode(ENDPOINT, "stack.push", "jobs", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("param: 1.5 (expected: String or Integer)");
  }
}
