package io.rpcservices.master.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Provider clients in memory: a concurrent map of clients, each guarded by its own lock. */
final class MemoryClientStore implements ClientStore {
  private static final String LOGIN_STATUS = "login";

  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  @Override
  public void login(String name, String address, Map<String, ?> info, Instant at) {
    ClientRecord record =
        new ClientRecord(name, address, new LinkedHashMap<>(info), at, at, LOGIN_STATUS, 0, 0);
    // The compute keeps a concurrent send from landing in a client object that is being replaced.
    clients.compute(
        name,
        (key, client) -> {
          Client fresh = new Client(record);
          if (client != null) {
            fresh.messages.addAll(client.close());
          }
          return fresh;
        });
  }

  @Override
  public boolean logout(String name) {
    Client client = clients.remove(name);
    if (client == null) {
      return false;
    }
    client.close();
    return true;
  }

  @Override
  public boolean logoutIfIdle(String name, Instant cutoff) {
    Client client = clients.get(name);
    if (client == null || !client.closeIfIdle(cutoff)) {
      return false;
    }
    clients.remove(name, client);
    return true;
  }

  @Override
  public @Nullable ClientRecord get(String name) {
    Client client = clients.get(name);
    return client == null ? null : client.record();
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>(clients.keySet());
    names.sort(null);
    return names;
  }

  @Override
  public List<ClientRecord> all() {
    List<ClientRecord> records = new ArrayList<>();
    for (String name : names()) {
      ClientRecord record = get(name);
      if (record != null) {
        records.add(record);
      }
    }
    return records;
  }

  @Override
  public List<ClientMessage> visit(String name, String status, Instant at) {
    Client client = clients.get(name);
    List<ClientMessage> messages = client == null ? null : client.visit(status, at);
    if (messages == null) {
      throw new NameNotFoundException(name);
    }
    return messages;
  }

  @Override
  public boolean touch(String name, Instant at) {
    Client client = clients.get(name);
    return client != null && client.touch(at);
  }

  @Override
  public boolean send(String name, ClientMessage message) {
    Client client = clients.get(name);
    return client != null && client.send(message);
  }

  /**
   * One logged-in client. A caller may have looked it up just before it was logged out, so every
   * operation checks under the lock that it is still open: no message lands in a closed client.
   */
  private static final class Client {
    private ClientRecord record;
    private final List<ClientMessage> messages = new ArrayList<>();
    private boolean closed;

    Client(ClientRecord record) {
      this.record = record;
    }

    synchronized List<ClientMessage> close() {
      closed = true;
      return List.copyOf(messages);
    }

    synchronized boolean closeIfIdle(Instant cutoff) {
      if (closed || !record.lastVisit().isBefore(cutoff)) {
        return false;
      }
      closed = true;
      return true;
    }

    synchronized @Nullable ClientRecord record() {
      return closed ? null : withPending(record);
    }

    synchronized @Nullable List<ClientMessage> visit(String status, Instant at) {
      if (closed) {
        return null;
      }
      record =
          new ClientRecord(
              record.name(),
              record.address(),
              record.info(),
              record.loginTime(),
              at,
              status,
              record.visits() + 1,
              0);
      List<ClientMessage> taken = List.copyOf(messages);
      messages.clear();
      return taken;
    }

    synchronized boolean touch(Instant at) {
      if (closed) {
        return false;
      }
      record =
          new ClientRecord(
              record.name(),
              record.address(),
              record.info(),
              record.loginTime(),
              at,
              record.status(),
              record.visits(),
              0);
      return true;
    }

    synchronized boolean send(ClientMessage message) {
      if (closed) {
        return false;
      }
      messages.add(message);
      return true;
    }

    private ClientRecord withPending(ClientRecord current) {
      return new ClientRecord(
          current.name(),
          current.address(),
          current.info(),
          current.loginTime(),
          current.lastVisit(),
          current.status(),
          current.visits(),
          messages.size());
    }
  }
}
