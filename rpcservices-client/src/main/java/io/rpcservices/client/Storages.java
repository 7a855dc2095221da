package io.rpcservices.client;

import java.time.Duration;
import java.util.List;

/**
 * The storage service: named key/value stores of parameters, shared by every client of a master.
 *
 * <pre>{@code
 * Storage config = client.storage().createStorage("config");
 * }</pre>
 */
public final class Storages {
  private final RpcClient client;

  Storages(RpcClient client) {
    this.client = client;
  }

  /** Creates the storage {@code name} if it does not exist yet, and returns its stub. */
  public Storage createStorage(String name) {
    return new Storage(
        client, client.invoke("storage.create", v -> Values.toText(v, "storage.create"), name));
  }

  /** Whether the storage {@code name} exists. */
  public boolean hasStorage(String name) {
    return client.invoke(
        "storage.hasStorage", v -> Values.toBoolean(v, "storage.hasStorage"), name);
  }

  /** The names of all storages. */
  public List<String> getAllNames() {
    return client.invoke("storage.getAllNames", v -> Values.toTextArray(v, "storage.getAllNames"));
  }

  /**
   * This service with {@code timeout} as the deadline of its calls and of the storages it makes.
   */
  public Storages withTimeout(Duration timeout) {
    return new Storages(client.withTimeout(timeout));
  }
}
