package io.rpcservices.master.store.durable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Values in a dump: JSON objects with one member that names the type, so that every value of the
 * value table reads back exactly, which plain JSON cannot do ({@code int} and {@code i8}, base64
 * and dateTime have no JSON type of their own):
 *
 * <pre>
 *   {"int": 5}  {"i8": 5}  {"boolean": true}  {"string": "x"}  {"double": 1.5}  {"double": "NaN"}
 *   {"dateTime": "2026-11-23T10:00:00.5"}  {"base64": "AAE="}  {"nil": null}
 *   {"struct": {"name": value, ...}}  {"array": [value, ...]}
 * </pre>
 */
final class DumpValues {
  private DumpValues() {}

  static void write(JsonGenerator json, @Nullable Object value) throws IOException {
    Object normal = ValueCodec.decode(ValueCodec.encode(value));
    json.writeStartObject();
    if (normal == null) {
      json.writeNullField("nil");
    } else if (normal instanceof Integer number) {
      json.writeNumberField("int", number);
    } else if (normal instanceof Long number) {
      json.writeNumberField("i8", number);
    } else if (normal instanceof Boolean bool) {
      json.writeBooleanField("boolean", bool);
    } else if (normal instanceof String string) {
      json.writeStringField("string", string);
    } else if (normal instanceof Double number) {
      writeDouble(json, number);
    } else if (normal instanceof LocalDateTime dateTime) {
      json.writeStringField("dateTime", dateTime.toString());
    } else if (normal instanceof byte[] bytes) {
      json.writeStringField("base64", Base64.getEncoder().encodeToString(bytes));
    } else if (normal instanceof Map<?, ?> struct) {
      json.writeObjectFieldStart("struct");
      for (Map.Entry<?, ?> member : struct.entrySet()) {
        json.writeFieldName((String) member.getKey());
        write(json, member.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeArrayFieldStart("array");
      for (Object element : (List<?>) normal) {
        write(json, element);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** Reads a value; the parser is on its {@code START_OBJECT}. */
  static @Nullable Object read(JsonParser json) throws IOException {
    expect(json, json.currentToken(), JsonToken.START_OBJECT, "a value object");
    String type = json.nextFieldName();
    if (type == null) {
      throw new DumpFormatException("empty value object at " + json.currentLocation().getLineNr());
    }
    JsonToken token = json.nextToken();
    Object value =
        switch (type) {
          case "nil" -> null;
          case "int" -> json.getIntValue();
          case "i8" -> json.getLongValue();
          case "boolean" -> json.getBooleanValue();
          case "string" -> json.getText();
          case "double" ->
              token == JsonToken.VALUE_STRING
                  ? Double.valueOf(json.getText())
                  : json.getDoubleValue();
          case "dateTime" -> LocalDateTime.parse(json.getText());
          case "base64" -> Base64.getDecoder().decode(json.getText());
          case "struct" -> readStruct(json);
          case "array" -> readArray(json);
          default -> throw new DumpFormatException("unknown value type '" + type + "'");
        };
    expect(json, json.nextToken(), JsonToken.END_OBJECT, "the end of a value object");
    return value;
  }

  /** Reads a struct's members; the parser is on its {@code START_OBJECT}. */
  static Map<String, @Nullable Object> readStruct(JsonParser json) throws IOException {
    expect(json, json.currentToken(), JsonToken.START_OBJECT, "a struct");
    Map<String, @Nullable Object> struct = new LinkedHashMap<>();
    for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
      json.nextToken();
      struct.put(name, read(json));
    }
    return struct;
  }

  static void expect(JsonParser json, @Nullable JsonToken actual, JsonToken wanted, String what) {
    if (actual != wanted) {
      throw new DumpFormatException(
          "expected "
              + what
              + " at line "
              + json.currentLocation().getLineNr()
              + ", found "
              + actual);
    }
  }

  private static List<@Nullable Object> readArray(JsonParser json) throws IOException {
    expect(json, json.currentToken(), JsonToken.START_ARRAY, "an array");
    List<@Nullable Object> array = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      array.add(read(json));
    }
    return array;
  }

  private static void writeDouble(JsonGenerator json, double number) throws IOException {
    if (Double.isFinite(number)) {
      json.writeNumberField("double", number);
    } else {
      json.writeStringField("double", Double.toString(number));
    }
  }
}
