package io.rpcservices.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON-RPC 2.0 document from a parser: a message or a batch of them. Parameters, results
 * and error data go through {@link JsonValues.ValueReader}, so that the value table and the limits
 * apply to them; the envelope members are read here, the id keeping its exact text. An entry that
 * is valid JSON but no valid message becomes {@link JsonRpcMessage.Invalid} and the rest of a batch
 * is still read; malformed JSON and passed limits fail the whole document. Not thread-safe: one per
 * document.
 */
final class JsonRpcReader {
  private static final String ID_EXPECTED = " (expected: a string, a number or null)";

  private final JsonParser parser;
  private final Limits limits;
  private final boolean acceptResponses;
  private final JsonValues.ValueReader values;

  /**
   * A reader of the document in {@code parser}; with {@code acceptResponses} false, an object
   * without a {@code method} is an invalid request rather than a response.
   */
  JsonRpcReader(JsonParser parser, Limits limits, boolean acceptResponses) {
    this.parser = parser;
    this.limits = limits;
    this.acceptResponses = acceptResponses;
    this.values = new JsonValues.ValueReader(parser, limits);
  }

  /** Reads the document; nothing but whitespace may follow it. */
  JsonRpcMessage readDocument() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new ProtocolException(FaultCode.PARSE_ERROR, "empty JSON text");
    }
    JsonRpcMessage message = first == JsonToken.START_ARRAY ? readBatch() : readEntry();
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw new ProtocolException(
          FaultCode.PARSE_ERROR,
          "unexpected content after the value at line "
              + at.getLineNr()
              + ", column "
              + at.getColumnNr());
    }
    return message;
  }

  private JsonRpcMessage readBatch() throws IOException {
    List<JsonRpcMessage> entries = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (entries.size() == limits.maxElements()) {
        throw new ProtocolException(
            FaultCode.REQUEST_TOO_LARGE,
            "batch: "
                + (entries.size() + 1)
                + " messages (expected: <= "
                + limits.maxElements()
                + ")");
      }
      entries.add(readEntry());
    }
    if (entries.isEmpty()) {
      return new JsonRpcMessage.Invalid(
          JsonRpcId.NULL, "batch: empty (expected: at least one message)");
    }
    return new JsonRpcMessage.Batch(entries);
  }

  private JsonRpcMessage readEntry() throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      @Nullable Object value = readMember("message");
      String reason =
          value instanceof Unreadable unreadable
              ? unreadable.reason()
              : "message: " + describe(value) + " (expected: an object)";
      return new JsonRpcMessage.Invalid(JsonRpcId.NULL, reason);
    }
    Map<String, @Nullable Object> members = new HashMap<>();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      switch (name) {
        case "id":
          members.put(name, readId());
          break;
        case "params":
          members.put(name, readParams());
          break;
        case "jsonrpc":
        case "method":
        case "result":
        case "error":
        case "timeout":
          members.put(name, readMember(name));
          break;
        default:
          // Read rather than skipped, so that its values count against the limits.
          readMember(name);
      }
    }
    return JsonRpcEntries.classify(members, acceptResponses);
  }

  private Object readId() throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_STRING:
        return JsonRpcId.of(parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonRpcId.NumberId(parser.getText());
      case VALUE_NULL:
        return JsonRpcId.NULL;
      default:
        String shape =
            token == JsonToken.START_OBJECT
                ? "an object"
                : token == JsonToken.START_ARRAY ? "an array" : parser.getText();
        readMember("id");
        return new Unreadable("id: " + shape + ID_EXPECTED);
    }
  }

  /**
   * Reads {@code params}. The values of an array or object count their nesting from 1, as the
   * params of an XML-RPC call do, so that a value can be nested as deeply in either protocol.
   */
  private @Nullable Object readParams() throws IOException {
    JsonToken token = parser.currentToken();
    @Nullable Object unreadable = null;
    if (token == JsonToken.START_ARRAY) {
      List<@Nullable Object> params = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        @Nullable Object value = readMember("params");
        if (unreadable == null && value instanceof Unreadable) {
          unreadable = value;
        }
        params.add(value);
      }
      return unreadable == null ? params : unreadable;
    }
    if (token == JsonToken.START_OBJECT) {
      Map<String, @Nullable Object> params = new LinkedHashMap<>();
      String name;
      while ((name = parser.nextFieldName()) != null) {
        parser.nextToken();
        @Nullable Object value = readMember("params");
        if (unreadable == null && value instanceof Unreadable) {
          unreadable = value;
        }
        params.put(name, value);
      }
      return unreadable == null ? params : unreadable;
    }
    return readMember("params");
  }

  /**
   * Reads the value at the current token. A number outside the value model makes the value {@link
   * Unreadable}: the rest of it is skipped, so that the next member or entry can still be read.
   */
  private @Nullable Object readMember(String name) throws IOException {
    JsonStreamContext outside =
        parser.currentToken().isStructStart()
            ? parser.getParsingContext().getParent()
            : parser.getParsingContext();
    try {
      return values.readValue();
    } catch (ProtocolException e) {
      if (e.faultCode() != FaultCode.INVALID_REQUEST) {
        throw e;
      }
      // Truncated input ends this loop with a parse error from the parser.
      while (parser.getParsingContext() != outside) {
        parser.nextToken();
      }
      return new Unreadable(name + ": " + e.getMessage());
    }
  }

  /** Describes a value for a message: strings quoted and cut short, containers by their kind. */
  static String describe(@Nullable Object value) {
    if (value instanceof String string) {
      return string.length() <= 40
          ? JsonValues.write(string)
          : JsonValues.write(string.substring(0, 40)) + "...";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return String.valueOf(value);
  }

  /** A member whose value could not be read, with the reason. */
  record Unreadable(String reason) {}
}
