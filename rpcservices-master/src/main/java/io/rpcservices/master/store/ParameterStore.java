package io.rpcservices.master.store;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Named storages of parameters (name to value). Every method that takes a storage name, except
 * {@link #create}, {@link #exists} and {@link #remove}, throws {@link NameNotFoundException} when
 * there is no storage of that name.
 */
public interface ParameterStore {
  /** Creates an empty storage unless one exists; returns whether it was created. */
  boolean create(String name);

  /** Whether a storage of this name exists. */
  boolean exists(String name);

  /** The names of all storages, sorted. */
  List<String> names();

  /** Removes the storage with its parameters; returns whether it existed. */
  boolean remove(String name);

  /** Sets a parameter. */
  void set(String name, String parameter, @Nullable Object value);

  /** Sets every parameter of {@code values} at once: another caller sees all or none of them. */
  void setAll(String name, Map<String, ?> values);

  /** The parameter's value, or {@code null} when it is not set. */
  @Nullable StoredValue get(String name, String parameter);

  /** Removes a parameter; returns whether it was set. */
  boolean removeParameter(String name, String parameter);

  /** A copy of all parameters, in the order they were first set. */
  Map<String, @Nullable Object> getAll(String name);

  /** Sets the parameter unless it is set; returns whether it was set now. */
  boolean setIfAbsent(String name, String parameter, @Nullable Object value);

  /**
   * Sets the parameter to {@code value} if its current value equals {@code expected} under {@link
   * ValueEquality}; a {@code null} (nil) {@code expected} matches an unset parameter as well as a
   * nil one. Returns whether it was set.
   */
  boolean compareAndSet(
      String name, String parameter, @Nullable Object expected, @Nullable Object value);
}
