package io.rpcservices.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.client.RpcClient;
import io.rpcservices.client.TransportException;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(OrderAnnotation.class)
class MasterExtensionTest {
  @RegisterExtension
  static final MasterExtension master =
      MasterExtension.builder().service("greeter", new Greeter()).build();

  private static String firstUrl = "";

  @Test
  @Order(1)
  void servesOnLoopbackWithAFreePort() {
    firstUrl = master.url();

    assertThat(master.port()).isPositive();
    assertThat(master.url()).isEqualTo("http://127.0.0.1:" + master.port());
  }

  @Test
  @Order(2)
  void keepsOneMasterForTheWholeClass() {
    assertThat(master.url()).isEqualTo(firstUrl);
  }

  @Test
  void clientCallsTheHostedService() {
    assertThat(master.client().call("greeter.hello", "Ada")).isEqualTo("hello, Ada");
  }

  @Test
  void clientCallsTheBuiltInServices() {
    assertThat(master.client().call("master.ping")).isEqualTo("pong");
  }

  @Nested
  class NestedClass {
    @Test
    void sharesTheOuterMaster() {
      assertThat(master.url()).isEqualTo(firstUrl);
      assertThat(master.client().call("greeter.hello", "Bob")).isEqualTo("hello, Bob");
    }
  }

  @Nested
  @TestMethodOrder(OrderAnnotation.class)
  class OnAnInstanceField {
    private static String previousUrl = "";

    @RegisterExtension final MasterExtension own = MasterExtension.builder().build();

    @Test
    @Order(1)
    void startsAMasterForEachTest() {
      previousUrl = own.url();

      assertThat(own.url()).isNotEqualTo(master.url());
      assertThat(own.client().call("master.ping")).isEqualTo("pong");
    }

    @Test
    @Order(2)
    void stopsItAfterTheTest() {
      RpcClient stale = RpcClient.connect(previousUrl);

      assertThatThrownBy(() -> stale.call("master.ping")).isInstanceOf(TransportException.class);
    }
  }

  /** A user service as a test would host it. */
  public static final class Greeter {
    /** Greets {@code name}. */
    public String hello(String name) {
      return "hello, " + name;
    }
  }
}
