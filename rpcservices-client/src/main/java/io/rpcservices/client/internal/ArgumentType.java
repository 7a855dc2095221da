package io.rpcservices.client.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a wire value becomes the argument of one parameter of an exported method, as the master's
 * dispatcher converts them: numbers widen (an {@code int} takes an {@code i8} only when it fits),
 * everything else must already be of the parameter's type. Calls reach a worker as JSON, which has
 * no date or binary type, so a {@code LocalDateTime} parameter also takes a string such as {@code
 * "20261123T10:00:00"} and a {@code byte[]} parameter a base64 string. Chosen once per parameter.
 */
final class ArgumentType {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");

  /** Wire value classes; a parameter type must accept at least one of them. */
  private static final List<Class<?>> WIRE_CLASSES =
      List.of(
          Integer.class,
          Long.class,
          Double.class,
          Boolean.class,
          String.class,
          LocalDateTime.class,
          byte[].class,
          Map.class,
          List.class);

  private enum Kind {
    INT,
    LONG,
    DOUBLE,
    DATE_TIME,
    BYTES,
    OTHER
  }

  private final Class<?> type;
  private final boolean acceptsNil;
  private final Kind kind;
  private final String typeName;

  private ArgumentType(Class<?> type, Kind kind, boolean acceptsNil) {
    this.type = type == boolean.class ? Boolean.class : type;
    this.acceptsNil = acceptsNil && !type.isPrimitive();
    this.kind = kind;
    this.typeName = WireTypes.ofType(type);
  }

  /**
   * The conversion for {@code parameter}.
   *
   * @throws IllegalArgumentException if no wire value can be passed as its type
   */
  static ArgumentType of(Parameter parameter) {
    Class<?> type = parameter.getType();
    boolean acceptsNil = acceptsNil(parameter);
    if (type == int.class || type == Integer.class) {
      return new ArgumentType(type, Kind.INT, acceptsNil);
    }
    if (type == long.class || type == Long.class) {
      return new ArgumentType(type, Kind.LONG, acceptsNil);
    }
    if (type == double.class || type == Double.class) {
      return new ArgumentType(type, Kind.DOUBLE, acceptsNil);
    }
    if (type == LocalDateTime.class) {
      return new ArgumentType(type, Kind.DATE_TIME, acceptsNil);
    }
    if (type == byte[].class) {
      return new ArgumentType(type, Kind.BYTES, acceptsNil);
    }
    if (type == boolean.class) {
      return new ArgumentType(type, Kind.OTHER, acceptsNil);
    }
    for (Class<?> wireClass : WIRE_CLASSES) {
      if (type.isAssignableFrom(wireClass)) {
        return new ArgumentType(type, Kind.OTHER, acceptsNil);
      }
    }
    throw new IllegalArgumentException("unsupported type " + type.getName());
  }

  /**
   * Whether {@code parameter} takes {@code nil}: an {@code Object} parameter or one annotated
   * {@code @Nullable} (any annotation of that name).
   */
  private static boolean acceptsNil(Parameter parameter) {
    return parameter.getType() == Object.class
        || isNullable(parameter.getAnnotations())
        || isNullable(parameter.getAnnotatedType().getAnnotations());
  }

  private static boolean isNullable(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  /** The XML-RPC name of this parameter's type, as in signatures. */
  String typeName() {
    return typeName;
  }

  /**
   * The argument for the wire value {@code value}.
   *
   * @throws IllegalArgumentException with "expected ..., received ..." when it does not fit
   */
  @Nullable Object convert(@Nullable Object value) {
    if (value == null) {
      if (!acceptsNil) {
        throw mismatch(value, "");
      }
      return null;
    }
    switch (kind) {
      case INT:
        if (value instanceof Integer) {
          return value;
        }
        if (value instanceof Long l) {
          if (l.intValue() != l) {
            throw mismatch(value, " (out of range)");
          }
          return l.intValue();
        }
        throw mismatch(value, "");
      case LONG:
        if (value instanceof Integer || value instanceof Long) {
          return ((Number) value).longValue();
        }
        throw mismatch(value, "");
      case DOUBLE:
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
          return ((Number) value).doubleValue();
        }
        throw mismatch(value, "");
      case DATE_TIME:
        if (value instanceof String text) {
          try {
            return LocalDateTime.parse(text, DATE_TIME);
          } catch (DateTimeParseException e) {
            throw mismatch(value, " (not in the form 20261123T10:00:00)");
          }
        }
        return requireInstance(value);
      case BYTES:
        if (value instanceof String text) {
          try {
            return Base64.getDecoder().decode(text);
          } catch (IllegalArgumentException e) {
            throw mismatch(value, " (not base64)");
          }
        }
        return requireInstance(value);
      default:
        return requireInstance(value);
    }
  }

  private Object requireInstance(Object value) {
    if (type.isInstance(value)) {
      return value;
    }
    throw mismatch(value, "");
  }

  private IllegalArgumentException mismatch(@Nullable Object value, String detail) {
    return new IllegalArgumentException(
        "expected " + expectedName() + ", received " + WireTypes.ofValue(value) + detail);
  }

  private String expectedName() {
    return typeName.equals(WireTypes.UNDEFINED) ? type.getSimpleName() : typeName;
  }
}
