package io.rpcservices.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider service: the registry of logged-in clients, their status and their messages.
 *
 * <pre>{@code
 * Provider me = client.provider().login("crawler-1", Map.of("role", "crawler"));
 * List<Message> messages = me.visit("idle", Duration.ofSeconds(20));
 * }</pre>
 */
public final class Providers {
  private final RpcClient client;

  Providers(RpcClient client) {
    this.client = client;
  }

  /** Logs in as {@code name} and returns the stub of that client. */
  public Provider login(String name) {
    client.invoke("provider.login", v -> v, name);
    return new Provider(client, name);
  }

  /** Logs in as {@code name} with {@code info} (host, pid, role, ...) kept with the record. */
  public Provider login(String name, Map<String, ?> info) {
    client.invoke("provider.login", v -> v, name, new LinkedHashMap<>(info));
    return new Provider(client, name);
  }

  /** Every logged-in client's record, by name. */
  public Map<String, ClientRecord> getAllClients() {
    return client.invoke(
        "provider.getAllClients",
        v -> {
          Map<String, ClientRecord> records = new LinkedHashMap<>();
          Values.toStruct(v, "provider.getAllClients")
              .forEach(
                  (name, record) ->
                      records.put(name, ClientRecord.of(record, "provider.getAllClients")));
          return records;
        });
  }

  /** The names of the logged-in clients. */
  public List<String> getAllClientNames() {
    return client.invoke(
        "provider.getAllClientNames", v -> Values.toTextArray(v, "provider.getAllClientNames"));
  }

  /** Whether {@code name} is logged in. */
  public boolean hasClient(String name) {
    return client.invoke(
        "provider.hasClient", v -> Values.toBoolean(v, "provider.hasClient"), name);
  }

  /**
   * The record of {@code name}.
   *
   * @throws ClientNotFoundError if {@code name} is not logged in
   */
  public ClientRecord getClient(String name) {
    return client.invoke("provider.getClient", v -> ClientRecord.of(v, "provider.getClient"), name);
  }

  /** Logs out the clients that have not visited within the client timeout; returns how many. */
  public int cleanUp() {
    return client.invoke("provider.cleanUp", v -> Values.toInt(v, "provider.cleanUp"));
  }

  /** This service with {@code timeout} as the deadline of its calls and of the clients it makes. */
  public Providers withTimeout(Duration timeout) {
    return new Providers(client.withTimeout(timeout));
  }
}
