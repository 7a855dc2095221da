package io.rpcservices.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both servers under test answer many calls on one connection, as the benchmark assumes. */
class KeepAliveTest {
  private static EventLoopGroup group;

  @BeforeAll
  static void startEventLoop() {
    group = new NioEventLoopGroup(1);
  }

  @AfterAll
  static void stopEventLoop() {
    group.shutdownGracefully().syncUninterruptibly();
  }

  @Test
  void apacheKeepsConnectionAlive() throws Exception {
    try (RunningServer server = ServerKind.APACHE.start()) {
      assertManyCallsOnOneConnection(server);
    }
  }

  @Test
  void masterKeepsConnectionAlive() throws Exception {
    try (RunningServer server = ServerKind.RPCSERVICES.start()) {
      assertManyCallsOnOneConnection(server);
    }
  }

  private static void assertManyCallsOnOneConnection(RunningServer server) throws Exception {
    Endpoint endpoint = new Endpoint("127.0.0.1", server.port(), server.path());
    RpcConnection connection = RpcConnection.open(group.next(), endpoint).get(10, TimeUnit.SECONDS);
    call(connection, XmlRpcRequests.encode(endpoint, "stack.create", "keep"));
    ByteBuf push = XmlRpcRequests.encode(endpoint, "stack.push", "keep", "item");
    ByteBuf pop = XmlRpcRequests.encode(endpoint, "stack.pop", "keep");
    ByteBuf ping = XmlRpcRequests.encode(endpoint, "master.ping");
    for (int i = 0; i < 100; i++) {
      call(connection, push);
      assertThat(call(connection, pop).body()).contains("item");
      assertThat(call(connection, ping).body()).contains("pong");
    }
    assertThat(connection.isOpen()).isTrue();
    connection.close().get(10, TimeUnit.SECONDS);
  }

  private static CallOutcome call(RpcConnection connection, ByteBuf request) throws Exception {
    CallOutcome outcome = connection.call(request).get(10, TimeUnit.SECONDS);
    assertThat(outcome.isSuccess()).as(outcome.body()).isTrue();
    assertThat(outcome.keepAlive()).isTrue();
    return outcome;
  }
}
