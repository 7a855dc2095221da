package io.rpcservices.protocol.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a wire value becomes the value of one declared parameter: numbers widen (an {@code int} takes
 * an XML-RPC {@code int}, an {@code i8} only when it fits); since JSON has no binary or date type,
 * a {@code byte[]} parameter also takes a base64 string and a {@code LocalDateTime} one a string
 * such as {@code "20261123T10:00:00"} (the forms JSON-RPC sends them in); everything else must
 * already be of the parameter's type. Chosen once per parameter, by the master's dispatcher and by
 * a worker for the objects it exports. Internal: not for application code.
 */
public final class ParameterType {
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
    BYTES,
    DATE_TIME,
    OTHER
  }

  /** How JSON-RPC writes a {@code LocalDateTime}. */
  private static final DateTimeFormatter JSON_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  private final Class<?> type;
  private final boolean acceptsNil;
  private final Kind kind;
  private final String typeName;

  private ParameterType(Class<?> type, Kind kind, String typeName, boolean acceptsNil) {
    this.type = type == boolean.class ? Boolean.class : type;
    this.acceptsNil = acceptsNil && !type.isPrimitive();
    this.kind = kind;
    this.typeName = typeName;
  }

  /**
   * The conversion for {@code parameter}.
   *
   * @throws IllegalArgumentException if no wire value can be passed as its type
   */
  public static ParameterType of(Parameter parameter) {
    Class<?> type = parameter.getType();
    String name = TypeNames.ofType(parameter.getParameterizedType());
    boolean acceptsNil = acceptsNil(parameter);
    if (type == int.class || type == Integer.class) {
      return new ParameterType(type, Kind.INT, name, acceptsNil);
    }
    if (type == long.class || type == Long.class) {
      return new ParameterType(type, Kind.LONG, name, acceptsNil);
    }
    if (type == double.class || type == Double.class) {
      return new ParameterType(type, Kind.DOUBLE, name, acceptsNil);
    }
    if (type == byte[].class) {
      return new ParameterType(type, Kind.BYTES, name, acceptsNil);
    }
    if (type == LocalDateTime.class) {
      return new ParameterType(type, Kind.DATE_TIME, name, acceptsNil);
    }
    if (type == boolean.class) {
      return new ParameterType(type, Kind.OTHER, name, acceptsNil);
    }
    for (Class<?> wireClass : WIRE_CLASSES) {
      if (type.isAssignableFrom(wireClass)) {
        return new ParameterType(type, Kind.OTHER, name, acceptsNil);
      }
    }
    throw new IllegalArgumentException("unsupported type " + type.getName());
  }

  /**
   * Whether {@code parameter} takes {@code nil}: an {@code Object} parameter (any value) or one
   * annotated {@code @Nullable} (JSpecify's or any other annotation of that name). The packages are
   * null-marked, so every other parameter refuses it.
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
  public String typeName() {
    return typeName;
  }

  /**
   * The value to pass for the wire value {@code value}.
   *
   * @throws IllegalArgumentException with "expected ..., received ..." when it does not fit
   */
  public @Nullable Object convert(@Nullable Object value) {
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
      case BYTES:
        if (value instanceof String text) {
          try {
            return Base64.getDecoder().decode(text);
          } catch (IllegalArgumentException e) {
            throw mismatch(value, " (not base64)");
          }
        }
        return other(value);
      case DATE_TIME:
        if (value instanceof String text) {
          try {
            return LocalDateTime.parse(text, JSON_DATE_TIME);
          } catch (DateTimeParseException e) {
            throw mismatch(value, " (not a date and time such as 20261123T10:00:00)");
          }
        }
        return other(value);
      default:
        return other(value);
    }
  }

  private Object other(Object value) {
    if (type.isInstance(value)) {
      return value;
    }
    throw mismatch(value, "");
  }

  private IllegalArgumentException mismatch(@Nullable Object value, String detail) {
    return new IllegalArgumentException(
        "expected " + expectedName() + ", received " + TypeNames.ofValue(value) + detail);
  }

  private String expectedName() {
    return typeName.equals(TypeNames.UNDEFINED) ? type.getSimpleName() : typeName;
  }
}
