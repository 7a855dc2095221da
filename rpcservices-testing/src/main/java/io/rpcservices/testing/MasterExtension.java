package io.rpcservices.testing;

import io.rpcservices.client.RpcClient;
import io.rpcservices.master.Master;
import io.rpcservices.master.store.InMemoryStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a real master on {@code 127.0.0.1} and a free port, with its state
 * in memory.
 *
 * <p>Registered on a static field, the master starts before the first test of the class and stops
 * after the last one; on an instance field, each test gets a master of its own. Nested test classes
 * share their outer class's master.
 *
 * <pre>{@code
 * class MathServiceTest {
 *   @RegisterExtension
 *   static final MasterExtension master =
 *       MasterExtension.builder().service("math", new MathService()).build();
 *
 *   @Test
 *   void multiplies() {
 *     assertThat(master.client().call("math.multiply", 6, 7)).isEqualTo(42);
 *   }
 * }
 * }</pre>
 */
public final class MasterExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final List<Consumer<Master.Builder>> configuration;
  private volatile @Nullable Running running;

  MasterExtension(List<Consumer<Master.Builder>> configuration) {
    this.configuration = List.copyOf(configuration);
  }

  /** A builder for an extension whose master hosts only the built-in services. */
  public static Builder builder() {
    return new Builder();
  }

  /** The master's base URL, such as {@code http://127.0.0.1:41234}. */
  public String url() {
    return running().master.url();
  }

  /** The port the master listens on. */
  public int port() {
    return running().master.port();
  }

  /** A client connected to the master, shared by the tests. */
  public RpcClient client() {
    return running().client;
  }

  /** The running master itself. */
  public Master master() {
    return running().master;
  }

  /** Starts the master for the test class, unless an outer class's master already runs. */
  @Override
  public void beforeAll(ExtensionContext context) {
    startFor(context);
  }

  /** Stops the master if it was started for this test class. */
  @Override
  public void afterAll(ExtensionContext context) {
    stopFor(context);
  }

  /** Starts a master for this test when the extension sits on an instance field. */
  @Override
  public void beforeEach(ExtensionContext context) {
    startFor(context);
  }

  /** Stops the master if it was started for this test. */
  @Override
  public void afterEach(ExtensionContext context) {
    stopFor(context);
  }

  private void startFor(ExtensionContext context) {
    if (running != null) {
      return;
    }
    // In memory whatever the master's default: each master starts empty and leaves nothing behind.
    Master.Builder builder =
        Master.builder().host("127.0.0.1").port(0).stateStore(new InMemoryStateStore());
    configuration.forEach(step -> step.accept(builder));
    Master master = builder.build().start();
    running = new Running(context.getUniqueId(), master, RpcClient.connect(master.url()));
  }

  private void stopFor(ExtensionContext context) {
    Running current = running;
    if (current == null || !current.owner.equals(context.getUniqueId())) {
      return;
    }
    running = null;
    current.master.close();
  }

  private Running running() {
    Running current = running;
    if (current == null) {
      throw new IllegalStateException(
          "master not running: register the extension with @RegisterExtension and use it in a"
              + " test");
    }
    return current;
  }

  /** A started master, its client, and the test class or test it was started for. */
  private record Running(String owner, Master master, RpcClient client) {}

  /** Builds a {@link MasterExtension}. */
  public static final class Builder {
    private final List<Consumer<Master.Builder>> configuration = new ArrayList<>();

    Builder() {}

    /** Hosts {@code service}'s public methods as {@code name.<method>}. */
    public Builder service(String name, Object service) {
      configuration.add(master -> master.service(name, service));
      return this;
    }

    /** How long a provider client may go without a visit before it is logged out. */
    public Builder clientTimeout(Duration clientTimeout) {
      configuration.add(master -> master.clientTimeout(clientTimeout));
      return this;
    }

    /**
     * Applies any other master setting, such as limits or a state store; the host, the port and
     * the store stay {@code 127.0.0.1}, a free port and in memory unless {@code step} changes them.
     */
    public Builder configure(Consumer<Master.Builder> step) {
      configuration.add(step);
      return this;
    }

    /** The extension; register it with {@code @RegisterExtension}. */
    public MasterExtension build() {
      return new MasterExtension(configuration);
    }
  }
}
