package io.rpcservices.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stub of one named storage of parameters. Stubs are immutable and safe to share between threads;
 * {@link #withTimeout} returns one with another deadline. Every call faults with {@link
 * StorageNotFoundError} once the storage has been removed.
 *
 * <pre>{@code
 * Storage stats = client.storage().createStorage("stats");
 * stats.setParameter("started", LocalDateTime.now());
 * long pages = stats.increment("pages", 1);
 * }</pre>
 */
public final class Storage {
  private final RpcClient client;
  private final String name;

  Storage(RpcClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** The storage's name. */
  public String getName() {
    return name;
  }

  /** Sets {@code param} to {@code value}. */
  public void setParameter(String param, @Nullable Object value) {
    client.invoke("storage.setParameter", v -> v, name, param, value);
  }

  /**
   * The value of {@code param}.
   *
   * @throws ParameterNotFoundError if there is no such parameter
   */
  public @Nullable Object getParameter(String param) {
    return client.invoke("storage.getParameter", v -> v, name, param);
  }

  /** The value of {@code param}, or {@code defaultValue} if there is no such parameter. */
  public @Nullable Object getParameter(String param, @Nullable Object defaultValue) {
    return client.invoke("storage.getParameter", v -> v, name, param, defaultValue);
  }

  /** Whether {@code param} is set. */
  public boolean hasParameter(String param) {
    return client.invoke(
        "storage.hasParameter", v -> Values.toBoolean(v, "storage.hasParameter"), name, param);
  }

  /** Removes {@code param} and returns whether it existed. */
  public boolean removeParameter(String param) {
    return client.invoke(
        "storage.removeParameter",
        v -> Values.toBoolean(v, "storage.removeParameter"),
        name,
        param);
  }

  /** Every parameter and its value, in the order the master keeps them. */
  public Map<String, @Nullable Object> getAllParameters() {
    return client.invoke(
        "storage.getAllParameters", v -> Values.toStruct(v, "storage.getAllParameters"), name);
  }

  /** Sets every parameter of {@code parameters} at once, atomically. */
  public void setParameters(Map<String, ? extends @Nullable Object> parameters) {
    client.invoke("storage.setParameters", v -> v, name, new LinkedHashMap<>(parameters));
  }

  /** Sets {@code param} to {@code value} unless it is set, and returns whether it was set now. */
  public boolean setParameterIfAbsent(String param, @Nullable Object value) {
    return client.invoke(
        "storage.setParameterIfAbsent",
        v -> Values.toBoolean(v, "storage.setParameterIfAbsent"),
        name,
        param,
        value);
  }

  /** Adds one to {@code param} (a missing parameter counts as 0) and returns the new value. */
  public long increment(String param) {
    return increment(param, 1);
  }

  /** Adds {@code delta} to {@code param} (a missing one counts as 0) and returns the new value. */
  public long increment(String param, long delta) {
    return client.invoke(
        "storage.increment", v -> Values.toLong(v, "storage.increment"), name, param, delta);
  }

  /** Sets {@code param} to {@code value} if it equals {@code expected}; whether it was swapped. */
  public boolean compareAndSet(String param, @Nullable Object expected, @Nullable Object value) {
    return client.invoke(
        "storage.compareAndSet",
        v -> Values.toBoolean(v, "storage.compareAndSet"),
        name,
        param,
        expected,
        value);
  }

  /** Removes the storage itself. */
  public boolean remove() {
    return client.invoke("storage.remove", v -> Values.toBoolean(v, "storage.remove"), name);
  }

  /** A stub of the same storage whose calls have {@code timeout} as their deadline. */
  public Storage withTimeout(Duration timeout) {
    return new Storage(client.withTimeout(timeout), name);
  }

  /** The deadline of this stub's calls. */
  public Duration timeout() {
    return client.timeout();
  }

  /** Stubs are equal when they name the same storage at the same URL with the same deadline. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Storage that
        && name.equals(that.name)
        && client.url().equals(that.client.url())
        && client.timeout().equals(that.client.timeout());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, client.url(), client.timeout());
  }

  @Override
  public String toString() {
    return "Storage[" + name + " at " + client.url() + "]";
  }
}
