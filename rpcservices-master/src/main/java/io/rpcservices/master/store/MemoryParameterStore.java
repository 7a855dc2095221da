package io.rpcservices.master.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Storages in memory: a concurrent map of storages, each guarded by its own lock. */
final class MemoryParameterStore implements ParameterStore {
  private final Map<String, Storage> storages = new ConcurrentHashMap<>();

  @Override
  public boolean create(String name) {
    return !storages.containsKey(name) && storages.putIfAbsent(name, new Storage(name)) == null;
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
    Storage storage = storages.remove(name);
    if (storage == null) {
      return false;
    }
    storage.close();
    return true;
  }

  @Override
  public void set(String name, String parameter, @Nullable Object value) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.open().put(parameter, value);
    }
  }

  @Override
  public void setAll(String name, Map<String, ?> values) {
    Storage storage = storage(name);
    synchronized (storage) {
      storage.open().putAll(values);
    }
  }

  @Override
  public @Nullable StoredValue get(String name, String parameter) {
    Storage storage = storage(name);
    synchronized (storage) {
      Map<String, @Nullable Object> parameters = storage.open();
      Object value = parameters.get(parameter);
      return value != null || parameters.containsKey(parameter) ? new StoredValue(value) : null;
    }
  }

  @Override
  public boolean removeParameter(String name, String parameter) {
    Storage storage = storage(name);
    synchronized (storage) {
      Map<String, @Nullable Object> parameters = storage.open();
      boolean present = parameters.containsKey(parameter);
      parameters.remove(parameter);
      return present;
    }
  }

  @Override
  public Map<String, @Nullable Object> getAll(String name) {
    Storage storage = storage(name);
    synchronized (storage) {
      return new LinkedHashMap<>(storage.open());
    }
  }

  @Override
  public boolean setIfAbsent(String name, String parameter, @Nullable Object value) {
    Storage storage = storage(name);
    synchronized (storage) {
      Map<String, @Nullable Object> parameters = storage.open();
      if (parameters.containsKey(parameter)) {
        return false;
      }
      parameters.put(parameter, value);
      return true;
    }
  }

  @Override
  public boolean compareAndSet(
      String name, String parameter, @Nullable Object expected, @Nullable Object value) {
    Storage storage = storage(name);
    synchronized (storage) {
      Map<String, @Nullable Object> parameters = storage.open();
      if (!ValueEquality.equal(parameters.get(parameter), expected)) {
        return false;
      }
      parameters.put(parameter, value);
      return true;
    }
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
   * so {@link #open} checks that it still exists: nothing lands in a removed storage.
   */
  private static final class Storage {
    private final String name;
    private final Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
    private boolean removed;

    Storage(String name) {
      this.name = name;
    }

    synchronized void close() {
      removed = true;
      parameters.clear();
    }

    Map<String, @Nullable Object> open() {
      if (removed) {
        throw new NameNotFoundException(name);
      }
      return parameters;
    }
  }
}
