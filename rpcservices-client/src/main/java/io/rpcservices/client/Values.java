package io.rpcservices.client;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns decoded wire values into the Java types callers ask for. Only the types of the value table
 * are ever produced; nothing is instantiated from names on the wire. JSON has no date or binary
 * type, so where a date-time or bytes are asked for, a string in the form JSON-RPC sends them
 * ({@code "20261123T10:00:00"}, base64) is read as one.
 */
final class Values {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");

  private Values() {}

  /** {@code value} as {@code type}, with the numeric widenings of {@link RpcClient#call}. */
  static <T> @Nullable T convert(@Nullable Object value, Class<T> type, String method) {
    Class<?> boxed = boxed(type);
    if (value == null) {
      if (type.isPrimitive() && type != void.class) {
        throw new ClassCastException(method + " returned nil, not " + type.getName());
      }
      return null;
    }
    if (boxed == Void.class) {
      return null;
    }
    Object converted = value;
    if (boxed == Integer.class && value instanceof Long number) {
      if (number != number.intValue()) {
        throw new ClassCastException(method + " returned " + number + ", out of int range");
      }
      converted = number.intValue();
    } else if (boxed == Long.class && value instanceof Integer number) {
      converted = number.longValue();
    } else if (boxed == Double.class && (value instanceof Integer || value instanceof Long)) {
      converted = ((Number) value).doubleValue();
    } else if (boxed == LocalDateTime.class && value instanceof String text) {
      converted = parseDateTime(text, value);
    } else if (boxed == byte[].class && value instanceof String text) {
      converted = parseBase64(text, value);
    }
    if (!boxed.isInstance(converted)) {
      throw new ClassCastException(
          method + " returned " + value.getClass().getName() + ", not " + type.getName());
    }
    @SuppressWarnings("unchecked") // boxed is type or its wrapper, whose class T stands for
    T result = (T) converted;
    return result;
  }

  /** {@code value} as a non-nil result of {@code type}. */
  static <T> T require(@Nullable Object value, Class<T> type, String method) {
    T result = convert(value, type, method);
    if (result == null) {
      throw new ClassCastException(method + " returned nil, not " + type.getName());
    }
    return result;
  }

  static int toInt(@Nullable Object value, String method) {
    return require(value, Integer.class, method);
  }

  static long toLong(@Nullable Object value, String method) {
    return require(value, Long.class, method);
  }

  static boolean toBoolean(@Nullable Object value, String method) {
    return require(value, Boolean.class, method);
  }

  static String toText(@Nullable Object value, String method) {
    return require(value, String.class, method);
  }

  /** A struct as a map from member name to value. */
  static Map<String, @Nullable Object> toStruct(@Nullable Object value, String method) {
    Map<?, ?> struct = require(value, Map.class, method);
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    struct.forEach((key, member) -> copy.put(String.valueOf(key), member));
    return copy;
  }

  /** An array as a list. */
  static List<@Nullable Object> toArray(@Nullable Object value, String method) {
    List<?> array = require(value, List.class, method);
    return new ArrayList<>(array);
  }

  /** An array of strings. */
  static List<String> toTextArray(@Nullable Object value, String method) {
    List<String> texts = new ArrayList<>();
    for (Object item : toArray(value, method)) {
      texts.add(toText(item, method));
    }
    return texts;
  }

  /** A date-time member (or a string of one, as JSON-RPC sends it), or null if it is neither. */
  static @Nullable LocalDateTime dateTimeOrNull(@Nullable Object value) {
    if (value instanceof String text) {
      return parseDateTime(text, null) instanceof LocalDateTime dateTime ? dateTime : null;
    }
    return value instanceof LocalDateTime dateTime ? dateTime : null;
  }

  private static @Nullable Object parseDateTime(String text, @Nullable Object otherwise) {
    try {
      return LocalDateTime.parse(text, DATE_TIME);
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }

  private static Object parseBase64(String text, Object otherwise) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return otherwise;
    }
  }

  /** A string member, or null if it is missing or not a string. */
  static @Nullable String textOrNull(@Nullable Object value) {
    return value instanceof String text ? text : null;
  }

  /** A numeric member as a long, or {@code otherwise} if it is missing or not a number. */
  static long longOr(@Nullable Object value, long otherwise) {
    Long number = longOrNull(value);
    return number == null ? otherwise : number;
  }

  /** A numeric member (or a string of digits) as a long, or null if it is neither. */
  static @Nullable Long longOrNull(@Nullable Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String text && text.matches("-?[0-9]{1,18}")) {
      return Long.parseLong(text);
    }
    return null;
  }

  /** A duration in seconds as the master takes it: an int if whole, else a double. */
  static Object seconds(Duration duration) {
    if (duration.getNano() == 0 && duration.getSeconds() <= Integer.MAX_VALUE) {
      return (int) duration.getSeconds();
    }
    return duration.toNanos() / 1e9;
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == double.class) {
      return Double.class;
    }
    if (type == void.class) {
      return Void.class;
    }
    return type;
  }
}
