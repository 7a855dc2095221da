package io.rpcservices.master.service.storage;

import io.rpcservices.master.store.ParameterStore;
import io.rpcservices.master.store.StoredValue;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code storage.increment}, built on the store's atomic set-if-absent and compare-and-set. */
final class Counters {
  private Counters() {}

  /** Adds {@code delta} to the parameter, retrying when another caller changed it meanwhile. */
  static long increment(ParameterStore parameters, String name, String param, long delta) {
    while (true) {
      StoredValue current = parameters.get(name, param);
      if (current == null) {
        if (parameters.setIfAbsent(name, param, delta)) {
          return delta;
        }
        continue;
      }
      long sum = add(name, param, current.value(), delta);
      if (parameters.compareAndSet(name, param, current.value(), sum)) {
        return sum;
      }
    }
  }

  private static long add(String name, String param, @Nullable Object value, long delta) {
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new FaultException(
          FaultCode.SERVICE_ERROR,
          "parameter '"
              + param
              + "' in storage '"
              + name
              + "' holds "
              + describe(value)
              + ", not an integer");
    }
    long current = ((Number) value).longValue();
    try {
      return Math.addExact(current, delta);
    } catch (ArithmeticException e) {
      throw new FaultException(
          FaultCode.SERVICE_ERROR,
          "parameter '"
              + param
              + "' in storage '"
              + name
              + "' would overflow: "
              + current
              + " + "
              + delta);
    }
  }

  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Double) {
      return "a double";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof byte[]) {
      return "base64 data";
    }
    if (value instanceof Map) {
      return "a struct";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof TemporalAccessor) {
      return "a dateTime";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
