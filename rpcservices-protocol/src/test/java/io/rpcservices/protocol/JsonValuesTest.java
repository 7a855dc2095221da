package io.rpcservices.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  private static final Limits SMALL =
      Limits.builder().maxBodyBytes(64).maxDepth(2).maxElements(4).maxStringChars(5).build();

  @Test
  void readsIntegerThatFitsAsInteger() {
    assertThat(JsonValues.read("42")).isEqualTo(42);
    assertThat(JsonValues.read("-2147483648")).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void readsLargerIntegerAsLong() {
    assertThat(JsonValues.read("2147483648")).isEqualTo(2147483648L);
    assertThat(JsonValues.read("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void readsFractionAndExponentAsDouble() {
    assertThat(JsonValues.read("2.5")).isEqualTo(2.5);
    assertThat(JsonValues.read("1.0")).isEqualTo(1.0);
    assertThat(JsonValues.read("1e3")).isEqualTo(1000.0);
  }

  @Test
  void readsBooleansStringsAndNull() {
    assertThat(JsonValues.read("true")).isEqualTo(true);
    assertThat(JsonValues.read("false")).isEqualTo(false);
    assertThat(JsonValues.read("\"h\\u00e9\\n\"")).isEqualTo("hé\n");
    assertThat(JsonValues.read(" null ")).isNull();
  }

  @Test
  void readsArrayAsArrayListAndObjectAsLinkedHashMapInOrder() {
    Object value = JsonValues.read("{\"z\": [1, \"a\", null], \"a\": {}, \"m\": []}");

    assertThat(value).isInstanceOf(LinkedHashMap.class);
    Map<?, ?> object = (Map<?, ?>) value;
    assertThat(new ArrayList<Object>(object.keySet())).containsExactly("z", "a", "m");
    assertThat(object.get("z"))
        .isInstanceOf(ArrayList.class)
        .isEqualTo(Arrays.asList(1, "a", null));
    assertThat(object.get("a")).isEqualTo(Map.of());
    assertThat(object.get("m")).isEqualTo(List.of());
  }

  @Test
  void readsUtf8Bytes() {
    byte[] json = "[\"été\", 7]".getBytes(StandardCharsets.UTF_8);

    assertThat(JsonValues.read(new ByteArrayInputStream(json), Limits.DEFAULT))
        .isEqualTo(List.of("été", 7));
  }

  @Test
  void rejectsIntegerOutsideLongRange() {
    assertThatThrownBy(() -> JsonValues.read("[9223372036854775808]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("integer: 9223372036854775808 (expected: a 64-bit signed integer)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.INVALID_REQUEST);
  }

  @Test
  void rejectsDoubleOutsideRange() {
    assertThatThrownBy(() -> JsonValues.read("1e400"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("number: 1e400 (expected: within the range of a double)");
  }

  @Test
  void rejectsMalformedTextAsParseError() {
    assertThatThrownBy(() -> JsonValues.read("{\"a\": tru}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage(
            "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token"
                + " 'null', 'true' or 'false') at line 1, column 10")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.PARSE_ERROR);
  }

  @Test
  void rejectsEmptyText() {
    assertThatThrownBy(() -> JsonValues.read("  "))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("empty JSON text");
  }

  @Test
  void rejectsContentAfterTheValue() {
    assertThatThrownBy(() -> JsonValues.read("[1]\n [2]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("unexpected content after the value at line 2, column 2");
  }

  @Test
  void rejectsDuplicateMemberName() {
    assertThatThrownBy(() -> JsonValues.read("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("Duplicate field 'a' at line 1, column 13");
  }

  @Test
  void rejectsNestingDeeperThanLimit() {
    assertThat(JsonValues.read("[[1]]", SMALL)).isEqualTo(List.of(List.of(1)));
    assertThatThrownBy(() -> JsonValues.read("[[[1]]]", SMALL))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("nesting depth: 3 (expected: <= 2)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
  }

  @Test
  void rejectsMoreValuesThanLimit() {
    assertThat(JsonValues.read("[1, 2, 3]", SMALL)).isEqualTo(List.of(1, 2, 3));
    assertThatThrownBy(() -> JsonValues.read("[1, 2, 3, 4]", SMALL))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("elements: 5 (expected: <= 4)");
  }

  @Test
  void rejectsStringLongerThanLimit() {
    assertThat(JsonValues.read("\"abcde\"", SMALL)).isEqualTo("abcde");
    assertThatThrownBy(() -> JsonValues.read("\"abcdef\"", SMALL))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("String value length (6) exceeds the maximum allowed (5)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
  }

  @Test
  void rejectsTextLargerThanLimit() {
    String json = "[" + " ".repeat(70) + "]";

    assertThatThrownBy(() -> JsonValues.read(json, SMALL))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("body: 72 characters (expected: <= 64)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
  }

  @Test
  void rejectsStreamLargerThanLimit() {
    byte[] json = ("[" + " ".repeat(10_000) + "]").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> JsonValues.read(new ByteArrayInputStream(json), SMALL))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("body: more than 64 bytes (expected: <= 64)")
        .extracting(e -> ((ProtocolException) e).faultCode())
        .isEqualTo(FaultCode.REQUEST_TOO_LARGE);
  }

  @Test
  void writesCompactJson() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("n", Arrays.asList(1, 2147483648L, 2.5, true, null, "x\"y"));
    value.put("e", Map.of());

    assertThat(JsonValues.write(value))
        .isEqualTo("{\"n\":[1,2147483648,2.5,true,null,\"x\\\"y\"],\"e\":{}}");
  }

  @Test
  void writesBytesAsBase64AndDateTimesAsIso8601() {
    LocalDateTime when = LocalDateTime.of(2026, 11, 23, 10, 0, 0, 500);

    assertThat(JsonValues.write(new byte[] {1, 2, 3})).isEqualTo("\"AQID\"");
    assertThat(JsonValues.write(when)).isEqualTo("\"20261123T10:00:00\"");
    assertThat(JsonValues.write(Instant.parse("2026-11-23T10:00:00Z")))
        .isEqualTo("\"20261123T10:00:00\"");
    assertThat(JsonValues.write(Date.from(Instant.parse("2026-11-23T10:00:00Z"))))
        .isEqualTo("\"20261123T10:00:00\"");
  }

  @Test
  void writesPrettyJsonIndentedByTwo() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", List.of(1, 2));
    value.put("b", Map.of("c", "d"));
    value.put("e", List.of());

    assertThat(JsonValues.writePretty(value))
        .isEqualTo(
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": \"d\"\n  },\n"
                + "  \"e\": []\n}");
    assertThat(JsonValues.writePretty(0)).isEqualTo("0");
  }

  @Test
  void roundTripsNestedValues() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("list", Arrays.asList(-1, 5_000_000_000L, 0.1, false, null, "s"));
    value.put("map", Map.of("k", List.of(Map.of())));

    assertThat(JsonValues.read(JsonValues.write(value))).isEqualTo(value);
    assertThat(JsonValues.read(JsonValues.writePretty(value))).isEqualTo(value);
  }

  @Test
  void refusesTypeOutsideTheValueTable() {
    assertThatThrownBy(() -> JsonValues.write(List.of(BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported value type: java.math.BigDecimal");
  }

  @Test
  void refusesMemberNameThatIsNotAString() {
    assertThatThrownBy(() -> JsonValues.write(Map.of(1, "one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("struct member name: 1 (expected: a String)");
  }

  @Test
  void refusesDoubleThatIsNotFinite() {
    assertThatThrownBy(() -> JsonValues.write(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("double: NaN (expected: finite)");
  }
}
