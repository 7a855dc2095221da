package io.rpcservices.master.store.durable;

import io.rpcservices.master.store.NameNotFoundException;
import io.rpcservices.master.store.ParameterStore;
import io.rpcservices.master.store.StoredValue;
import io.rpcservices.master.store.ValueEquality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Storages served from memory and written through to the engine while the storage's lock is held. A
 * parameter's record carries the sequence number of when it was first set, so that {@code getAll}
 * keeps that order after a restart.
 */
final class DurableParameterStore implements ParameterStore {
  private final Journal journal;
  private final Map<String, Storage> storages = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();

  DurableParameterStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public boolean create(String name) {
    if (storages.containsKey(name)) {
      return false;
    }
    boolean[] created = {false};
    // Inside computeIfAbsent, so that nobody uses the storage before its record is written.
    storages.computeIfAbsent(
        name,
        key -> {
          Storage storage = new Storage(name, lastId.incrementAndGet());
          journal.put(Keys.named(Keys.STORAGE, name), Records.id(storage.id));
          created[0] = true;
          return storage;
        });
    return created[0];
  }

  @Override
  public boolean exists(String name) {
    return storages.containsKey(name);
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>(storages.keySet());
    names.sort(null);
    return names;
  }

  @Override
  public boolean remove(String name) {
    boolean[] removed = {false};
    storages.computeIfPresent(
        name,
        (key, storage) -> {
          storage.close();
          removed[0] = true;
          return null;
        });
    return removed[0];
  }

  @Override
  public void set(String name, String parameter, @Nullable Object value) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.checkOpen();
      storage.put(parameter, value);
    }
  }

  @Override
  public void setAll(String name, Map<String, ?> values) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.checkOpen();
      Batch batch = new Batch();
      long next = storage.lastSequence;
      Map<String, Long> fresh = new HashMap<>();
      for (Map.Entry<String, ?> entry : values.entrySet()) {
        Long sequence = storage.sequences.get(entry.getKey());
        if (sequence == null) {
          sequence = ++next;
          fresh.put(entry.getKey(), sequence);
        }
        batch.put(
            Keys.parameter(storage.id, entry.getKey()),
            Records.parameter(sequence, entry.getValue()));
      }
      journal.write(batch);
      storage.lastSequence = next;
      storage.sequences.putAll(fresh);
      storage.values.putAll(values);
    }
  }

  @Override
  public @Nullable StoredValue get(String name, String parameter) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.checkOpen();
      Object value = storage.values.get(parameter);
      return value != null || storage.values.containsKey(parameter) ? new StoredValue(value) : null;
    }
  }

  @Override
  public boolean removeParameter(String name, String parameter) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.checkOpen();
      if (!storage.values.containsKey(parameter)) {
        return false;
      }
      journal.delete(Keys.parameter(storage.id, parameter));
      storage.values.remove(parameter);
      storage.sequences.remove(parameter);
      return true;
    }
  }

  @Override
  public Map<String, @Nullable Object> getAll(String name) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.checkOpen();
      return new LinkedHashMap<>(storage.values);
    }
  }

  @Override
  public boolean setIfAbsent(String name, String parameter, @Nullable Object value) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.checkOpen();
      if (storage.values.containsKey(parameter)) {
        return false;
      }
      storage.put(parameter, value);
      return true;
    }
  }

  @Override
  public boolean compareAndSet(
      String name, String parameter, @Nullable Object expected, @Nullable Object value) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.checkOpen();
      if (!ValueEquality.equal(storage.values.get(parameter), expected)) {
        return false;
      }
      storage.put(parameter, value);
      return true;
    }
  }

  /** Adds a storage read from the engine at open. */
  Storage load(String name, long id) {
    Storage storage = new Storage(name, id);
    storages.put(name, storage);
    lastId.accumulateAndGet(id, Math::max);
    return storage;
  }

  /** A snapshot of every storage by name, sorted, for a dump. */
  Map<String, Map<String, @Nullable Object>> snapshot() {
    Map<String, Map<String, @Nullable Object>> all = new LinkedHashMap<>();
    for (String name : names()) {
      Storage storage = storages.get(name);
      if (storage != null) {
        synchronized (storage) {
          all.put(name, new LinkedHashMap<>(storage.values));
        }
      }
    }
    return all;
  }

  private Storage storage(String name) {
    Storage storage = storages.get(name);
    if (storage == null) {
      throw new NameNotFoundException(name);
    }
    return storage;
  }

  /**
   * One storage; callers hold its lock. A caller may have looked it up just before it was removed,
   * so every operation checks that it still exists: nothing lands in a removed storage.
   */
  final class Storage {
    private final String name;
    private final long id;
    private final LinkedHashMap<String, @Nullable Object> values = new LinkedHashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private long lastSequence;
    private boolean removed;

    Storage(String name, long id) {
      this.name = name;
      this.id = id;
    }

    /** Adds a parameter read from the engine; {@link #finishLoad} puts them in order. */
    synchronized void loadParameter(String parameter, long sequence, @Nullable Object value) {
      sequences.put(parameter, sequence);
      lastSequence = Math.max(lastSequence, sequence);
      values.put(parameter, value);
    }

    /** Orders the loaded parameters by when they were first set. */
    synchronized void finishLoad() {
      List<Map.Entry<String, @Nullable Object>> loaded = new ArrayList<>(values.entrySet());
      loaded.sort((a, b) -> Long.compare(sequences.get(a.getKey()), sequences.get(b.getKey())));
      LinkedHashMap<String, @Nullable Object> ordered = new LinkedHashMap<>();
      loaded.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
      values.clear();
      values.putAll(ordered);
    }

    /** Under the lock: writes and sets a parameter, keeping its order if it is set. */
    void put(String parameter, @Nullable Object value) {
      Long known = sequences.get(parameter);
      long order = known != null ? known : lastSequence + 1;
      journal.put(Keys.parameter(id, parameter), Records.parameter(order, value));
      if (known == null) {
        lastSequence = order;
        sequences.put(parameter, order);
      }
      values.put(parameter, value);
    }

    synchronized void close() {
      journal.write(
          new Batch()
              .delete(Keys.named(Keys.STORAGE, name))
              .deleteRange(Keys.first(Keys.PARAMETER, id), Keys.end(Keys.PARAMETER, id)));
      removed = true;
      values.clear();
      sequences.clear();
    }

    void checkOpen() {
      if (removed) {
        throw new NameNotFoundException(name);
      }
    }
  }
}
