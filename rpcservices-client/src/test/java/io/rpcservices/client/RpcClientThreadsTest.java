package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client reuses its threads: on one or two cores the JDK's own {@code sendAsync} would start a
 * thread per call (JDK 17), which a busy process pays for in thread starts and memory.
 */
class RpcClientThreadsTest {
  private static final int CALLS = 500;
  // The master in this JVM starts its call threads (256 at most) as calls come: these calls let it
  // start them before the count.
  private static final int WARM_UP_CALLS = 300;

  @RegisterExtension static final LocalMaster master = new LocalMaster();

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void callsOneAfterAnotherStartNoThreadEach(Protocol protocol) {
    try (RpcClient client = RpcClient.builder().url(master.url()).protocol(protocol).build()) {
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        client.call("master.ping");
      }
      long before = startedThreads();

      for (int i = 0; i < CALLS; i++) {
        assertThat(client.call("master.ping")).isEqualTo("pong");
        assertThat(client.callAsync("master.ping").join()).isEqualTo("pong");
      }

      // The JVM and the master may start some threads of their own meanwhile; a thread per call
      // would be a thousand.
      assertThat(startedThreads() - before).isLessThan(200);
    }
  }

  @Test
  void anExchangeCutByTheClientsTimeoutLeavesTheClientWorking() {
    try (RpcClient client = RpcClient.connect(master.url())) {
      client.stack().createStack("never");

      // The master lets a waiting pop outlast the call's deadline, so the client's own timeout
      // (0.3 s and a 0.5 s grace) ends the exchange.
      assertThatThrownBy(
              () -> client.withTimeout(Duration.ofMillis(300)).call("stack.pop", "never", 5))
          .isExactlyInstanceOf(RpcTimeoutException.class);
      assertThat(client.call("master.ping")).isEqualTo("pong");
    }
  }

  private static long startedThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.getTotalStartedThreadCount();
  }
}
