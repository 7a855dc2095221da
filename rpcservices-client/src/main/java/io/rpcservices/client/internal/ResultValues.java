package io.rpcservices.client.internal;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns what an exported method returns into a value of DESIGN.md's table: the table's own types
 * pass, {@code short} and {@code byte} widen to {@code int}, {@code float} to {@code double}, a
 * {@code char} becomes a string, collections and arrays (but {@code byte[]}) become arrays and maps
 * become structs with string keys.
 */
final class ResultValues {

  private ResultValues() {}

  /**
   * {@code result} as a wire value.
   *
   * @throws IllegalArgumentException naming the type of a value outside the table
   */
  static @Nullable Object toWire(@Nullable Object result) {
    if (result == null
        || result instanceof Integer
        || result instanceof Long
        || result instanceof Double
        || result instanceof Boolean
        || result instanceof String
        || result instanceof LocalDateTime
        || result instanceof Instant
        || result instanceof Date
        || result instanceof byte[]) {
      return result;
    }
    if (result instanceof Short || result instanceof Byte) {
      return ((Number) result).intValue();
    }
    if (result instanceof Float f) {
      return f.doubleValue();
    }
    if (result instanceof Character c) {
      return c.toString();
    }
    if (result instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> struct = new LinkedHashMap<>();
      map.forEach((key, value) -> struct.put(String.valueOf(key), toWire(value)));
      return struct;
    }
    if (result instanceof Collection<?> collection) {
      List<@Nullable Object> array = new ArrayList<>(collection.size());
      collection.forEach(value -> array.add(toWire(value)));
      return array;
    }
    if (result.getClass().isArray()) {
      int length = Array.getLength(result);
      List<@Nullable Object> array = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        array.add(toWire(Array.get(result, i)));
      }
      return array;
    }
    throw new IllegalArgumentException("unsupported value type: " + result.getClass().getName());
  }
}
