package io.rpcservices.master.store;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Equality of values under the value table, as {@code storage.compareAndSet} uses it: the same
 * value read through XML-RPC or JSON-RPC compares equal.
 *
 * <ul>
 *   <li>{@code Integer} and {@code Long} are equal when their numbers are: {@code 5} equals {@code
 *       5L} (JSON has no separate {@code i8}). A {@code Double} equals only a {@code Double} of the
 *       same number ({@link Double#equals}: {@code NaN} equals {@code NaN}, {@code 0.0} does not
 *       equal {@code -0.0}).
 *   <li>{@code byte[]} compare by content.
 *   <li>Arrays compare element by element, structs member by member whatever their order, both by
 *       these rules.
 *   <li>Anything else ({@code String}, {@code Boolean}, {@code LocalDateTime}, nil) by {@link
 *       Objects#equals}.
 * </ul>
 */
public final class ValueEquality {
  private ValueEquality() {}

  /** Whether {@code a} and {@code b} are the same value. */
  public static boolean equal(@Nullable Object a, @Nullable Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (isInteger(a) && isInteger(b)) {
      return ((Number) a).longValue() == ((Number) b).longValue();
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return equalLists(x, y);
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return equalMaps(x, y);
    }
    return a.equals(b);
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long;
  }

  private static boolean equalLists(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<?> other = b.iterator();
    for (Object element : a) {
      if (!equal(element, other.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalMaps(Map<?, ?> a, Map<?, ?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<?, ?> member : a.entrySet()) {
      Object key = member.getKey();
      if (!b.containsKey(key) || !equal(member.getValue(), b.get(key))) {
        return false;
      }
    }
    return true;
  }
}
