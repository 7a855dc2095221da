package io.rpcservices.master.store.durable;

import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.ClientRecord;
import io.rpcservices.master.store.ClientStore;
import io.rpcservices.master.store.NameNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Provider clients served from memory and written through to the engine while the client's lock is
 * held. A client's pending messages live in its mailbox, which a new login under the same name
 * keeps and a logout deletes with one range deletion.
 */
final class DurableClientStore implements ClientStore {
  private static final String LOGIN_STATUS = "login";

  private final Journal journal;
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final AtomicLong lastMailbox = new AtomicLong();

  DurableClientStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public void login(String name, String address, Map<String, ?> info, Instant at) {
    ClientRecord record =
        new ClientRecord(name, address, new LinkedHashMap<>(info), at, at, LOGIN_STATUS, 0, 0);
    // Inside compute: a concurrent send lands in the old client before it closes or in the new one.
    clients.compute(
        name,
        (key, old) -> {
          if (old == null) {
            Client fresh = new Client(lastMailbox.incrementAndGet(), record);
            journal.put(Keys.named(Keys.CLIENT, name), Records.client(fresh.mailbox, record));
            return fresh;
          }
          return old.replace(record);
        });
  }

  @Override
  public boolean logout(String name) {
    boolean[] removed = {false};
    clients.computeIfPresent(
        name,
        (key, client) -> {
          client.close();
          removed[0] = true;
          return null;
        });
    return removed[0];
  }

  @Override
  public boolean logoutIfIdle(String name, Instant cutoff) {
    boolean[] removed = {false};
    clients.computeIfPresent(
        name,
        (key, client) -> {
          if (!client.closeIfIdle(cutoff)) {
            return client;
          }
          removed[0] = true;
          return null;
        });
    return removed[0];
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

  /** Adds a client read from the engine at open. */
  Client load(long mailbox, ClientRecord record) {
    Client client = new Client(mailbox, record);
    clients.put(record.name(), client);
    lastMailbox.accumulateAndGet(mailbox, Math::max);
    return client;
  }

  /** Adds a client written by a restore, with its record as it was and its pending messages. */
  void restore(ClientRecord record, List<ClientMessage> messages) {
    Client client = new Client(lastMailbox.incrementAndGet(), record);
    Batch batch = new Batch().put(Keys.named(Keys.CLIENT, record.name()), client.encoded());
    for (ClientMessage message : messages) {
      long sequence = ++client.lastSequence;
      batch.put(Keys.member(Keys.MESSAGE, client.mailbox, sequence), Records.message(message));
      client.messages.add(new Pending(sequence, message));
    }
    journal.write(batch);
    clients.put(record.name(), client);
  }

  /** A snapshot of every client with its pending messages, sorted by name, for a dump. */
  List<ClientState> snapshot() {
    List<ClientState> states = new ArrayList<>();
    for (String name : names()) {
      Client client = clients.get(name);
      if (client != null) {
        synchronized (client) {
          List<ClientMessage> pending = new ArrayList<>();
          client.messages.forEach(each -> pending.add(each.message()));
          states.add(new ClientState(client.record, pending));
        }
      }
    }
    return states;
  }

  /** A client's record and its pending messages, oldest first, as a dump holds them. */
  record ClientState(ClientRecord record, List<ClientMessage> messages) {}

  /**
   * One logged-in client. A caller may have looked it up just before it was logged out, so every
   * operation checks under the lock that it is still open: no message lands in a closed client.
   */
  final class Client {
    private final long mailbox;
    private ClientRecord record;
    private final List<Pending> messages = new ArrayList<>();
    private long lastSequence;
    private boolean closed;

    Client(long mailbox, ClientRecord record) {
      this.mailbox = mailbox;
      this.record = record;
    }

    /** Adds a pending message read from the engine. */
    synchronized void loadMessage(long sequence, ClientMessage message) {
      messages.add(new Pending(sequence, message));
      lastSequence = Math.max(lastSequence, sequence);
    }

    /** A new login under this name: the successor keeps the mailbox; this one closes. */
    synchronized Client replace(ClientRecord fresh) {
      journal.put(Keys.named(Keys.CLIENT, fresh.name()), Records.client(mailbox, fresh));
      Client successor = new Client(mailbox, fresh);
      successor.messages.addAll(messages);
      successor.lastSequence = lastSequence;
      closed = true;
      return successor;
    }

    synchronized void close() {
      journal.write(
          new Batch()
              .delete(Keys.named(Keys.CLIENT, record.name()))
              .deleteRange(Keys.first(Keys.MESSAGE, mailbox), Keys.end(Keys.MESSAGE, mailbox)));
      closed = true;
      messages.clear();
    }

    synchronized boolean closeIfIdle(Instant cutoff) {
      if (closed || !record.lastVisit().isBefore(cutoff)) {
        return false;
      }
      close();
      return true;
    }

    synchronized @Nullable ClientRecord record() {
      return closed
          ? null
          : with(record.lastVisit(), record.status(), record.visits(), messages.size());
    }

    synchronized @Nullable List<ClientMessage> visit(String status, Instant at) {
      if (closed) {
        return null;
      }
      ClientRecord visited = with(at, status, record.visits() + 1, 0);
      Batch batch =
          new Batch().put(Keys.named(Keys.CLIENT, record.name()), Records.client(mailbox, visited));
      if (!messages.isEmpty()) {
        batch.deleteRange(Keys.first(Keys.MESSAGE, mailbox), Keys.end(Keys.MESSAGE, mailbox));
      }
      journal.write(batch);
      record = visited;
      List<ClientMessage> taken = new ArrayList<>(messages.size());
      messages.forEach(each -> taken.add(each.message()));
      messages.clear();
      return taken;
    }

    synchronized boolean touch(Instant at) {
      if (closed) {
        return false;
      }
      ClientRecord touched = with(at, record.status(), record.visits(), 0);
      journal.put(Keys.named(Keys.CLIENT, record.name()), Records.client(mailbox, touched));
      record = touched;
      return true;
    }

    synchronized boolean send(ClientMessage message) {
      if (closed) {
        return false;
      }
      long sequence = lastSequence + 1;
      journal.put(Keys.member(Keys.MESSAGE, mailbox, sequence), Records.message(message));
      lastSequence = sequence;
      messages.add(new Pending(sequence, message));
      return true;
    }

    private byte[] encoded() {
      return Records.client(mailbox, record);
    }

    private ClientRecord with(Instant lastVisit, String status, int visits, int pending) {
      return new ClientRecord(
          record.name(),
          record.address(),
          record.info(),
          record.loginTime(),
          lastVisit,
          status,
          visits,
          pending);
    }
  }

  /** A pending message and the sequence number of its record. */
  private record Pending(long sequence, ClientMessage message) {}
}
