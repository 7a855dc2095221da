package io.rpcservices.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One call on the wire: a method name and its positional parameters.
 *
 * @param method the method name, such as {@code stack.push}
 * @param params the parameters, values of the table in DESIGN.md; may hold {@code null}
 */
public record RpcRequest(String method, List<Object> params) {

  /** Keeps an unmodifiable copy of the parameters (which may hold {@code null}). */
  public RpcRequest {
    Objects.requireNonNull(method, "method");
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  /** A request for {@code method} with {@code params}. */
  public static RpcRequest of(String method, Object... params) {
    return new RpcRequest(method, java.util.Arrays.asList(params));
  }
}
