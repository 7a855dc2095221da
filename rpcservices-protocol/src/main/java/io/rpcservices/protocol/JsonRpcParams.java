package io.rpcservices.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a JSON-RPC 2.0 call: {@link Positional} (a JSON array, or no {@code params}
 * member at all) or {@link Named} (a JSON object). Values follow the table in DESIGN.md.
 *
 * <pre>{@code
 * if (call.params() instanceof JsonRpcParams.Named named) {
 *   Object minuend = named.values().get("minuend");
 * }
 * }</pre>
 */
public sealed interface JsonRpcParams permits JsonRpcParams.Positional, JsonRpcParams.Named {

  /** No parameters; written by leaving the {@code params} member out. */
  Positional NONE = new Positional(List.of());

  /**
   * Parameters by position.
   *
   * @param values the parameters in order; may hold {@code null}
   */
  record Positional(List<@Nullable Object> values) implements JsonRpcParams {

    /** Keeps an unmodifiable copy of the values. */
    public Positional {
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /**
   * Parameters by name.
   *
   * @param values the parameters by name, in the order they were given; values may be {@code null}
   */
  record Named(Map<String, @Nullable Object> values) implements JsonRpcParams {

    /** Keeps an unmodifiable copy of the values, in their order. */
    public Named {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }
}
