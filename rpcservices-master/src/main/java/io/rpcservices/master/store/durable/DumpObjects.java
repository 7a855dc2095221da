package io.rpcservices.master.store.durable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The objects of a dump (a stack, a storage, a client, a reservation, a message): plain JSON
 * members, whose values are strings, numbers, typed values ({@link DumpValues}) or arrays of
 * objects, read into a map by member name and taken out with checks.
 */
final class DumpObjects {
  /** Members holding typed values rather than plain JSON. */
  private static final List<String> TYPED =
      List.of("items", "data", "parameters", "info", "message");

  private DumpObjects() {}

  /** Reads an object; the parser is on its {@code START_OBJECT}. */
  static Map<String, @Nullable Object> read(JsonParser json, String what) throws IOException {
    DumpValues.expect(json, json.currentToken(), JsonToken.START_OBJECT, "a " + what);
    Map<String, @Nullable Object> fields = new HashMap<>();
    for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
      JsonToken token = json.nextToken();
      @Nullable Object value;
      if (TYPED.contains(name)) {
        value = DumpValues.read(json);
      } else if (token == JsonToken.START_ARRAY) {
        List<Map<String, @Nullable Object>> objects = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
          objects.add(read(json, name));
        }
        value = objects;
      } else if (token == JsonToken.VALUE_NUMBER_INT) {
        value = json.getLongValue();
      } else if (token == JsonToken.VALUE_STRING) {
        value = json.getText();
      } else if (token == JsonToken.VALUE_NULL) {
        value = null;
      } else {
        throw new DumpFormatException("unexpected " + token + " in member '" + name + "'");
      }
      fields.put(name, value);
    }
    return fields;
  }

  static String text(Map<String, @Nullable Object> fields, String name) {
    if (!(fields.get(name) instanceof String text)) {
      throw new DumpFormatException("member '" + name + "' missing or not a string");
    }
    return text;
  }

  static @Nullable String optionalText(Map<String, @Nullable Object> fields, String name) {
    Object value = fields.get(name);
    return value == null ? null : text(fields, name);
  }

  static List<?> list(Map<String, @Nullable Object> fields, String name) {
    if (!(fields.get(name) instanceof List<?> list)) {
      throw new DumpFormatException("member '" + name + "' missing or not an array");
    }
    return list;
  }

  static int number(Map<String, @Nullable Object> fields, String name) {
    if (!(fields.get(name) instanceof Long number)) {
      throw new DumpFormatException("member '" + name + "' missing or not a number");
    }
    return Math.toIntExact(number);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, @Nullable Object>> objects(
      Map<String, @Nullable Object> fields, String name) {
    return (List<Map<String, @Nullable Object>>) list(fields, name);
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> struct(Map<String, @Nullable Object> fields, String name) {
    if (!(fields.get(name) instanceof Map<?, ?> struct)) {
      throw new DumpFormatException("member '" + name + "' missing or not a struct");
    }
    return (Map<String, @Nullable Object>) struct;
  }
}
