package io.rpcservices.client;

import io.rpcservices.master.Master;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real master (in memory) on a free loopback port for the tests of one class: started before
 * the class's {@code @BeforeAll} methods, stopped after its {@code @AfterAll} methods.
 *
 * <pre>{@code
 * @RegisterExtension static final LocalMaster master = new LocalMaster();
 * RpcClient client = RpcClient.connect(master.url());
 * }</pre>
 */
final class LocalMaster implements BeforeAllCallback, AfterAllCallback {
  private @Nullable Master master;

  @Override
  public void beforeAll(ExtensionContext context) {
    master = Master.builder().port(0).build().start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (master != null) {
      master.close();
    }
  }

  /** The master's URL, such as {@code http://127.0.0.1:41234}. */
  String url() {
    if (master == null) {
      throw new IllegalStateException("the master starts before the test class's @BeforeAll");
    }
    return master.url();
  }
}
