package io.rpcservices.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRequestGuardTest {
  private final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestGuard());

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  private static HttpRequest request(HttpMethod method, String uri) {
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
  }

  private Reply reply() {
    Object message = channel.readInbound();
    assertThat(message).isInstanceOf(Reply.class);
    return (Reply) message;
  }

  @Test
  void passesXmlRpcPostsOn() {
    HttpRequest rpc2 = request(HttpMethod.POST, "/RPC2?x=1");
    HttpRequest root = request(HttpMethod.POST, "/");
    channel.writeInbound(rpc2, root);
    assertThat((Object) channel.readInbound()).isSameAs(rpc2);
    assertThat((Object) channel.readInbound()).isSameAs(root);
  }

  @Test
  void answersHealth() {
    channel.writeInbound(request(HttpMethod.GET, "/health"));
    assertThat(reply()).isEqualTo(Reply.ok("ok", false));
  }

  @Test
  void refusesOtherPathsAndMethods() {
    channel.writeInbound(request(HttpMethod.GET, "/other"));
    assertThat(reply()).isEqualTo(Reply.notFound("/other", false));
    channel.writeInbound(request(HttpMethod.GET, "/RPC2"));
    Reply notAllowed = reply();
    assertThat(notAllowed.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
    assertThat(notAllowed.allow()).isEqualTo("POST");
  }

  @Test
  void refusesCompressedBodyAndDropsIt() {
    HttpRequest gzip = request(HttpMethod.POST, "/RPC2");
    gzip.headers().set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
    gzip.headers().set(HttpHeaderNames.CONTENT_LENGTH, 4);
    DefaultHttpContent part = new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {1, 2}));
    DefaultLastHttpContent last =
        new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[] {3, 4}));
    channel.writeInbound(gzip, part, last);
    assertThat(reply().status()).isEqualTo(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(ReferenceCountUtil.refCnt(part)).isZero();
    assertThat(ReferenceCountUtil.refCnt(last)).isZero();
  }

  @Test
  void closesAfterRefusingRequestWithBody() {
    HttpRequest withBody = request(HttpMethod.POST, "/nowhere");
    withBody.headers().set(HttpHeaderNames.CONTENT_LENGTH, 10);
    channel.writeInbound(withBody);
    assertThat(reply().close()).isTrue();
  }
}
