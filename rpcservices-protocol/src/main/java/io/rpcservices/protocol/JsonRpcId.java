package io.rpcservices.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code id} of a JSON-RPC 2.0 request and its response: a string, a number or {@code null}. A
 * number keeps the exact text it was received as, so that an id of any size or form (such as {@code
 * 123456789012345678901234567890} or {@code 1.50}) is echoed unchanged and never rounded; two ids
 * are equal when their kind and text are.
 *
 * <pre>{@code
 * JsonRpcId id = JsonRpcId.of(7);          // written as 7
 * JsonRpcId.of("7");                       // written as "7", not equal to the number
 * responses.get(JsonRpcId.of(7));          // finds the response whose id is 7
 * }</pre>
 */
public sealed interface JsonRpcId permits JsonRpcId.StringId, JsonRpcId.NumberId, JsonRpcId.NullId {

  /** The {@code null} id, which answers a request whose id could not be read. */
  JsonRpcId NULL = new NullId();

  /** A numeric id. */
  static JsonRpcId of(long number) {
    return new NumberId(Long.toString(number));
  }

  /** A string id. */
  static JsonRpcId of(String text) {
    return new StringId(text);
  }

  /**
   * A string id.
   *
   * @param value the string
   */
  record StringId(String value) implements JsonRpcId {

    /** Checks that the string is there. */
    public StringId {
      Objects.requireNonNull(value, "value");
    }

    /** The id as JSON text, quoted. */
    @Override
    public String toString() {
      return JsonValues.write(value);
    }
  }

  /**
   * A numeric id, kept as the JSON number text it was read or made from.
   *
   * @param literal a JSON number, such as {@code 42}, {@code -1.5} or {@code 1e3}
   */
  record NumberId(String literal) implements JsonRpcId {
    private static final Pattern JSON_NUMBER =
        Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    /** Checks that the literal is a JSON number. */
    public NumberId {
      if (!JSON_NUMBER.matcher(literal).matches()) {
        throw new IllegalArgumentException("literal: " + literal + " (expected: a JSON number)");
      }
    }

    /** The id as JSON text: its literal. */
    @Override
    public String toString() {
      return literal;
    }
  }

  /** The {@code null} id; {@link JsonRpcId#NULL} is its instance. */
  record NullId() implements JsonRpcId {

    /** The id as JSON text. */
    @Override
    public String toString() {
      return "null";
    }
  }
}
