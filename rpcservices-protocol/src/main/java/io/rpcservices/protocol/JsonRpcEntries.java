package io.rpcservices.protocol;

import io.rpcservices.protocol.JsonRpcReader.Unreadable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the members of one JSON object into the message they make, checking them against the
 * JSON-RPC 2.0 spec: a call has a string {@code method} and structured {@code params} if any; a
 * response has an {@code id} and exactly one of {@code result} and {@code error}. Whatever fails a
 * check becomes {@link JsonRpcMessage.Invalid}, naming the first member at fault.
 */
final class JsonRpcEntries {
  private static final String VERSION = "2.0";
  private static final List<String> MEMBERS =
      List.of("jsonrpc", "method", "params", "id", "result", "error", "timeout");
  private static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(999_999_999);

  private JsonRpcEntries() {}

  /**
   * The message that {@code members} (as read by {@link JsonRpcReader}: the id a {@link JsonRpcId},
   * any member possibly {@link Unreadable}) make; an object without a method is a response only if
   * {@code acceptResponses}.
   */
  static JsonRpcMessage classify(Map<String, @Nullable Object> members, boolean acceptResponses) {
    boolean call = members.containsKey("method");
    // Only a call's id is echoed on an error: a response's id belongs to the receiver's own call.
    JsonRpcId echo = call && members.get("id") instanceof JsonRpcId id ? id : JsonRpcId.NULL;
    for (String name : MEMBERS) {
      if (members.get(name) instanceof Unreadable unreadable) {
        return new JsonRpcMessage.Invalid(echo, unreadable.reason());
      }
    }
    if (!members.containsKey("jsonrpc")) {
      return new JsonRpcMessage.Invalid(echo, "jsonrpc: missing (expected: \"2.0\")");
    }
    @Nullable Object version = members.get("jsonrpc");
    if (!VERSION.equals(version)) {
      return new JsonRpcMessage.Invalid(
          echo, "jsonrpc: " + JsonRpcReader.describe(version) + " (expected: \"2.0\")");
    }
    if (call) {
      return call(members, echo);
    }
    if (!acceptResponses) {
      return new JsonRpcMessage.Invalid(echo, "method: missing (expected: a string)");
    }
    if (members.containsKey("result") || members.containsKey("error")) {
      return response(members);
    }
    return new JsonRpcMessage.Invalid(
        echo, "message: no method, result or error (expected: a request or a response)");
  }

  private static JsonRpcMessage call(Map<String, @Nullable Object> members, JsonRpcId echo) {
    if (!(members.get("method") instanceof String method)) {
      return new JsonRpcMessage.Invalid(
          echo,
          "method: " + JsonRpcReader.describe(members.get("method")) + " (expected: a string)");
    }
    JsonRpcParams params;
    @Nullable Object rawParams = members.get("params");
    if (!members.containsKey("params")) {
      params = JsonRpcParams.NONE;
    } else if (rawParams instanceof List<?> list) {
      params = new JsonRpcParams.Positional(new ArrayList<>(list));
    } else if (rawParams instanceof Map<?, ?> map) {
      params = new JsonRpcParams.Named(named(map));
    } else {
      return new JsonRpcMessage.Invalid(
          echo,
          "params: " + JsonRpcReader.describe(rawParams) + " (expected: an array or an object)");
    }
    if (!members.containsKey("id")) {
      return new JsonRpcMessage.Notification(method, params);
    }
    if (!members.containsKey("timeout")) {
      return new JsonRpcMessage.Request(echo, method, params);
    }
    Duration timeout = timeout(members.get("timeout"));
    if (timeout == null) {
      return new JsonRpcMessage.Invalid(
          echo,
          "timeout: "
              + JsonRpcReader.describe(members.get("timeout"))
              + " (expected: seconds > 0, such as 1.5)");
    }
    return new JsonRpcMessage.Request(echo, method, params, timeout);
  }

  /** The extension member {@code timeout}: seconds, more than 0 and at most 999,999,999. */
  private static @Nullable Duration timeout(@Nullable Object seconds) {
    if (!(seconds instanceof Number number)) {
      return null;
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      return null; // NaN or infinite
    }
    if (decimal.signum() <= 0 || decimal.compareTo(MAX_TIMEOUT_SECONDS) > 0) {
      return null;
    }
    long nanos = decimal.movePointRight(9).longValue();
    return nanos > 0 ? Duration.ofNanos(nanos) : null;
  }

  private static JsonRpcMessage response(Map<String, @Nullable Object> members) {
    if (members.containsKey("result") && members.containsKey("error")) {
      return new JsonRpcMessage.Invalid(
          JsonRpcId.NULL, "response: both result and error (expected: exactly one)");
    }
    if (!(members.get("id") instanceof JsonRpcId id)) {
      return new JsonRpcMessage.Invalid(
          JsonRpcId.NULL, "id: missing (expected: a string, a number or null)");
    }
    if (members.containsKey("result")) {
      return new JsonRpcMessage.Response(id, new Success(members.get("result")));
    }
    @Nullable Object error = members.get("error");
    if (!(error instanceof Map<?, ?> errorMembers)) {
      return new JsonRpcMessage.Invalid(
          JsonRpcId.NULL, "error: " + JsonRpcReader.describe(error) + " (expected: an object)");
    }
    if (!(errorMembers.get("code") instanceof Integer code)) {
      return new JsonRpcMessage.Invalid(
          JsonRpcId.NULL,
          "error.code: " + describeMember(errorMembers, "code") + " (expected: a 32-bit integer)");
    }
    if (!(errorMembers.get("message") instanceof String message)) {
      return new JsonRpcMessage.Invalid(
          JsonRpcId.NULL,
          "error.message: " + describeMember(errorMembers, "message") + " (expected: a string)");
    }
    return new JsonRpcMessage.Response(id, fault(code, message, errorMembers.get("data")));
  }

  /**
   * The fault for an error object. Its data keeps the members of an object {@code data} (but not
   * those whose value is {@code null}, which a fault cannot hold), keeps any other {@code data}
   * under the name {@code data}, and always has a string {@code type}: the one sent, else the name
   * the message or the code gives.
   */
  private static Fault fault(int code, String message, @Nullable Object rawData) {
    Fault plain = Fault.fromWire(code, message);
    Map<String, Object> data = new LinkedHashMap<>(plain.data());
    if (rawData instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            if (value != null) {
              data.put((String) name, value);
            }
          });
      if (!(data.get("type") instanceof String)) {
        data.put("type", plain.type());
      }
    } else if (rawData != null) {
      data.put("data", rawData);
    }
    return new Fault(code, message, data);
  }

  private static Map<String, @Nullable Object> named(Map<?, ?> map) {
    Map<String, @Nullable Object> named = new LinkedHashMap<>();
    map.forEach((name, value) -> named.put((String) name, value));
    return named;
  }

  private static String describeMember(Map<?, ?> object, String name) {
    return object.containsKey(name) ? JsonRpcReader.describe(object.get(name)) : "missing";
  }
}
