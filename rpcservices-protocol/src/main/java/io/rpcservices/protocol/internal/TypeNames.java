package io.rpcservices.protocol.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * XML-RPC type names of Java types and values, for signatures and error messages; the same names
 * for the master's introspection and for what a worker registers. Internal: not for application
 * code.
 */
public final class TypeNames {
  /** The name of a type that has no single XML-RPC type, as introspection conventions have it. */
  public static final String UNDEFINED = "undef";

  private TypeNames() {}

  /** The XML-RPC type of a value as received from the wire, such as {@code i8} for a Long. */
  public static String ofValue(@Nullable Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof Map) {
      return "struct";
    }
    if (value instanceof List) {
      return "array";
    }
    String name = ofClass(value.getClass());
    return name.equals(UNDEFINED) ? value.getClass().getSimpleName() : name;
  }

  /** The XML-RPC type of a declared parameter or result type, or {@code undef}. */
  public static String ofType(Type type) {
    if (type instanceof Class<?> c) {
      return ofClass(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      if (CompletionStage.class.isAssignableFrom(raw)) {
        return ofType(p.getActualTypeArguments()[0]);
      }
      return ofClass(raw);
    }
    return UNDEFINED;
  }

  private static String ofClass(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "int";
    }
    if (type == long.class || type == Long.class) {
      return "i8";
    }
    if (type == double.class || type == Double.class) {
      return "double";
    }
    // A void method answers true, so its result type is boolean.
    if (type == boolean.class
        || type == Boolean.class
        || type == void.class
        || type == Void.class) {
      return "boolean";
    }
    if (type == String.class || type == CharSequence.class) {
      return "string";
    }
    if (type == LocalDateTime.class || type == Instant.class || type == Date.class) {
      return "dateTime.iso8601";
    }
    if (type == byte[].class) {
      return "base64";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "struct";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return UNDEFINED;
  }
}
