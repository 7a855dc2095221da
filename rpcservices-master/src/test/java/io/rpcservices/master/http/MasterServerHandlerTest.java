package io.rpcservices.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.rpcservices.master.RawConnection;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.master.dispatch.ServiceModel;
import io.rpcservices.master.dispatch.ServiceRegistry;
import io.rpcservices.protocol.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MasterServerHandlerTest {
  /** A service whose first method answers when the test says so. */
  public static final class Steps {
    final CompletableFuture<String> first = new CompletableFuture<>();

    public CompletableFuture<String> first() {
      return first;
    }

    public String second() {
      return "second";
    }
  }

  private final Steps steps = new Steps();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new MasterServerHandler(
              new FrontEnd(
                  new ServerOptions(
                      "127.0.0.1",
                      0,
                      Duration.ofSeconds(60),
                      Duration.ofSeconds(30),
                      Duration.ofSeconds(15),
                      Limits.DEFAULT),
                  new Dispatcher(new ServiceRegistry(List.of(ServiceModel.of("steps", steps)))),
                  Runnable::run)));

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  private static FullHttpRequest call(String method) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.POST,
            "/RPC2",
            Unpooled.copiedBuffer(RawConnection.call(method), StandardCharsets.UTF_8));
    HttpUtil.setContentLength(request, request.content().readableBytes());
    return request;
  }

  private String nextAnswer() {
    FullHttpResponse response = channel.readOutbound();
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }

  @Test
  void holdsLaterAnswersUntilEarlierOnesAreWritten() {
    channel.writeInbound(call("steps.first"), call("steps.second"));
    channel.runPendingTasks();
    assertThat((Object) channel.readOutbound()).isNull();
    steps.first.complete("first");
    channel.runPendingTasks();
    assertThat(nextAnswer()).contains("<string>first</string>");
    assertThat(nextAnswer()).contains("<string>second</string>");
  }

  @Test
  void answersReplyInOrder() {
    channel.writeInbound(call("steps.first"), Reply.ok("ok", false));
    channel.runPendingTasks();
    assertThat((Object) channel.readOutbound()).isNull();
    steps.first.complete("first");
    channel.runPendingTasks();
    assertThat(nextAnswer()).contains("<string>first</string>");
    assertThat(nextAnswer()).isEqualTo("ok");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void keepsConnectionWithCallInFlightWhenIdle() {
    channel.writeInbound(call("steps.first"));
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(channel.isOpen()).isTrue();
    steps.first.complete("first");
    channel.runPendingTasks();
    assertThat(nextAnswer()).contains("first");
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void closesAfterReplyThatCloses() {
    channel.writeInbound(Reply.tooLarge(10));
    channel.runPendingTasks();
    assertThat(nextAnswer()).isEqualTo("request body larger than 10 bytes");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void cancelsCallsWhenConnectionCloses() {
    channel.writeInbound(call("steps.first"));
    channel.close();
    assertThat(steps.first).isCancelled();
  }
}
