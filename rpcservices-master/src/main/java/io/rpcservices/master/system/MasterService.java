package io.rpcservices.master.system;

import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.master.dispatch.ServiceRegistry;
import io.rpcservices.master.store.StateStore;
import io.rpcservices.protocol.Help;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The {@code master} service: {@code ping} and {@code info} about the running master.
 *
 * <pre>{@code
 * builder.service("master", new MasterService(dispatcher::get, store));
 * }</pre>
 */
public final class MasterService {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.rpcservices/rpcservices-master/pom.properties";

  private final Supplier<Dispatcher> dispatcher;
  private final StateStore store;
  private final long startNanos = System.nanoTime();
  private final String version = readVersion();

  /**
   * A master service that reports on the dispatcher {@code dispatcher} supplies once the master is
   * built and on {@code store}; its uptime counts from now.
   */
  public MasterService(Supplier<Dispatcher> dispatcher, StateStore store) {
    this.dispatcher = dispatcher;
    this.store = store;
  }

  /** Answers {@code "pong"}. */
  @Help("Answers \"pong\": the master is up.")
  public String ping() {
    return "pong";
  }

  /** What the master runs: version, uptime in seconds, store, service names and method count. */
  @Help(
      "Returns {version, uptime, store, services, methods}: the version, the seconds since the"
          + " master started, the state store, the service names and the number of methods.")
  public Map<String, Object> info() {
    ServiceRegistry registry = dispatcher.get().registry();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("version", version);
    info.put("uptime", (System.nanoTime() - startNanos) / 1e9);
    info.put("store", store.description());
    info.put("services", registry.serviceNames());
    info.put("methods", registry.methodNames().size());
    return info;
  }

  /** The version from the jar's Maven properties; {@code dev} when run from classes. */
  private static String readVersion() {
    try (InputStream in = MasterService.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
