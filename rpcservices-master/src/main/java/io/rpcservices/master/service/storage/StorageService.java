package io.rpcservices.master.service.storage;

import io.rpcservices.master.store.NameNotFoundException;
import io.rpcservices.master.store.ParameterStore;
import io.rpcservices.master.store.StoredValue;
import io.rpcservices.master.store.ValueEquality;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.Help;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in {@code storage} service: named key/value stores of parameters (DESIGN.md, "Built-in
 * services"). Every public method is a wire method. Every call except {@code create}, {@code
 * hasStorage} and {@code getAllNames} faults 201 (StorageNotFoundError) on an unknown storage.
 *
 * <p>{@code compareAndSet} compares values by {@link ValueEquality}: {@code int} and {@code i8} of
 * the same number are equal, base64 compares by content, arrays and structs by their elements.
 *
 * <pre>{@code
 * StorageService storage = new StorageService(new InMemoryStateStore().parameters());
 * storage.create("config");
 * storage.setParameter("config", "depth", 3);
 * storage.increment("config", "pages", 1); // 1L
 * }</pre>
 */
public final class StorageService {
  private final ParameterStore parameters;

  /** A storage service over {@code parameters}. */
  public StorageService(ParameterStore parameters) {
    this.parameters = parameters;
  }

  /** Creates the storage unless it exists; returns its name. */
  @Help("Creates the storage unless it exists; returns its name.")
  public String create(String name) {
    parameters.create(name);
    return name;
  }

  /** Whether a storage of this name exists. */
  @Help("Returns whether a storage of this name exists.")
  public boolean hasStorage(String name) {
    return parameters.exists(name);
  }

  /** The names of all storages, sorted. */
  @Help("Returns the names of all storages, sorted.")
  public List<String> getAllNames() {
    return parameters.names();
  }

  /** Removes the storage with its parameters. */
  @Help("Removes the storage with its parameters; returns true.")
  public boolean remove(String name) {
    if (!parameters.remove(name)) {
      throw notFound(name);
    }
    return true;
  }

  /** Sets a parameter to {@code value}. */
  @Help("Sets the parameter to value (any value); returns true.")
  public boolean setParameter(String name, String param, @Nullable Object value) {
    try {
      parameters.set(name, param, value);
      return true;
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  /** Sets every member of the struct as a parameter, all in one step. */
  @Help("Sets every member of the struct as a parameter, all at once; returns true.")
  public boolean setParameters(String name, Map<String, @Nullable Object> parameters) {
    try {
      this.parameters.setAll(name, parameters);
      return true;
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  /** The parameter's value; fault 200 when it is not set. */
  @Help("Returns the parameter's value; fault 200 (ParameterNotFoundError) when it is not set.")
  public @Nullable Object getParameter(String name, String param) {
    StoredValue value = find(name, param);
    if (value == null) {
      throw new FaultException(
          FaultCode.PARAMETER_NOT_FOUND_ERROR,
          "no parameter '" + param + "' in storage '" + name + "'");
    }
    return value.value();
  }

  /** The parameter's value, or {@code defaultValue} when it is not set. */
  @Help("Returns the parameter's value, or defaultValue when it is not set.")
  public @Nullable Object getParameter(String name, String param, @Nullable Object defaultValue) {
    StoredValue value = find(name, param);
    return value == null ? defaultValue : value.value();
  }

  /** Whether the parameter is set. */
  @Help("Returns whether the parameter is set (to any value, nil included).")
  public boolean hasParameter(String name, String param) {
    return find(name, param) != null;
  }

  /** Removes the parameter; returns whether it was set. */
  @Help("Removes the parameter; returns whether it was set.")
  public boolean removeParameter(String name, String param) {
    try {
      return parameters.removeParameter(name, param);
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  /** All parameters as a struct. */
  @Help("Returns all parameters as a struct, in the order they were first set.")
  public Map<String, @Nullable Object> getAllParameters(String name) {
    try {
      return parameters.getAll(name);
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  /** Sets the parameter unless it is set; returns whether it was set now. */
  @Help("Sets the parameter unless it is set; returns whether it was set now.")
  public boolean setParameterIfAbsent(String name, String param, @Nullable Object value) {
    try {
      return parameters.setIfAbsent(name, param, value);
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  /** Adds {@code delta} to an integer parameter (unset counts as 0); returns the new value. */
  @Help(
      "Adds delta to the integer parameter, an unset one counting as 0, as one step; returns the"
          + " new value (i8). Fault 1 (ServiceError) when the parameter holds something else than"
          + " an integer or the sum overflows.")
  public Long increment(String name, String param, long delta) {
    try {
      return Counters.increment(parameters, name, param, delta);
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  /** Sets the parameter to {@code value} if it equals {@code expected}; returns whether it did. */
  @Help(
      "Sets the parameter to value if its current value equals expected (int and i8 of the same"
          + " number are equal, base64 by content, arrays and structs by their elements); an"
          + " expected nil matches an unset parameter too. Returns whether it was set.")
  public boolean compareAndSet(
      String name, String param, @Nullable Object expected, @Nullable Object value) {
    try {
      return parameters.compareAndSet(name, param, expected, value);
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  private @Nullable StoredValue find(String name, String param) {
    try {
      return parameters.get(name, param);
    } catch (NameNotFoundException e) {
      throw notFound(name);
    }
  }

  private static FaultException notFound(String name) {
    return new FaultException(FaultCode.STORAGE_NOT_FOUND_ERROR, "no storage named '" + name + "'");
  }
}
