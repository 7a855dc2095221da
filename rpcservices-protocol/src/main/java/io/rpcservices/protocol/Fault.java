package io.rpcservices.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A remote fault: a code, a message of the form {@code "<ErrorName>: <human message>"} and data
 * whose {@code type} member is the error name.
 *
 * <pre>{@code
 * Fault fault = Fault.of(FaultCode.STACK_INDEX_ERROR, "stack 'in' is empty");
 * fault.message(); // "StackIndexError: stack 'in' is empty"
 * }</pre>
 *
 * @param code the numeric {@code faultCode}
 * @param message the {@code faultString}
 * @param data structured details; always holds {@code type}, the error name
 */
public record Fault(int code, String message, Map<String, Object> data) implements RpcResponse {

  /** Copies {@code data} so that a fault never changes after it is made. */
  public Fault {
    Objects.requireNonNull(message, "message");
    data = Map.copyOf(Objects.requireNonNull(data, "data"));
  }

  /** A fault with {@code code}'s error name before {@code detail}. */
  public static Fault of(FaultCode code, String detail) {
    return of(code, detail, Map.of());
  }

  /** A fault with {@code code}'s error name before {@code detail}, and extra data members. */
  public static Fault of(FaultCode code, String detail, Map<String, Object> extraData) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", code.errorName());
    data.putAll(extraData);
    return new Fault(code.code(), code.errorName() + ": " + detail, data);
  }

  /**
   * A fault as read from the wire, where only the code and the string are known; the type is the
   * part of the string before the first colon, or the known name of the code.
   */
  public static Fault fromWire(int code, String faultString) {
    int colon = faultString.indexOf(':');
    String type =
        colon > 0 && faultString.substring(0, colon).matches("[A-Za-z_][A-Za-z0-9_.$]*")
            ? faultString.substring(0, colon)
            : FaultCode.of(code).map(FaultCode::errorName).orElse("Fault");
    return new Fault(code, faultString, Map.of("type", type));
  }

  /** The error name, such as {@code StackIndexError}. */
  public String type() {
    Object type = data.get("type");
    return type instanceof String ? (String) type : "Fault";
  }
}
