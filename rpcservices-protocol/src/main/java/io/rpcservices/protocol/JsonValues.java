package io.rpcservices.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON text into the value model of DESIGN.md and writes values as JSON.
 *
 * <p>Reading maps a number without fraction or exponent to {@code Integer} when it fits and to
 * {@code Long} otherwise, any other number to {@code Double}, arrays to {@code ArrayList} and
 * objects to {@code LinkedHashMap} (member order kept). JSON has no date or binary type, so strings
 * stay strings. Writing sends {@code byte[]} as a base64 string and {@code LocalDateTime} (also
 * {@code Instant} and {@code Date}, as UTC) as a string such as {@code "20261123T10:00:00"}. {@link
 * Limits} bound the text's size, nesting, value count and string length.
 *
 * <pre>{@code
 * Object value = JsonValues.read("{\"a\": [1, 2.5, null]}"); // {a=[1, 2.5, null]}
 * String json = JsonValues.write(Map.of("when", LocalDateTime.of(2026, 11, 23, 10, 0)));
 * // {"when":"20261123T10:00:00"}
 * }</pre>
 */
public final class JsonValues {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");
  private static final JsonFactory DEFAULT_FACTORY = newFactory(Limits.DEFAULT);

  private JsonValues() {}

  /**
   * Reads one JSON value with {@link Limits#DEFAULT}.
   *
   * @throws ProtocolException as for {@link #read(String, Limits)}
   */
  public static @Nullable Object read(String json) {
    return read(json, Limits.DEFAULT);
  }

  /**
   * Reads one JSON value; nothing but whitespace may follow it.
   *
   * @throws ProtocolException with {@link FaultCode#PARSE_ERROR} for text that is not one JSON
   *     value, {@link FaultCode#INVALID_REQUEST} for a number outside the value model, {@link
   *     FaultCode#REQUEST_TOO_LARGE} when a limit is passed
   */
  public static @Nullable Object read(String json, Limits limits) {
    if (json.length() > limits.maxBodyBytes()) {
      throw new ProtocolException(
          FaultCode.REQUEST_TOO_LARGE,
          "body: " + json.length() + " characters (expected: <= " + limits.maxBodyBytes() + ")");
    }
    try (JsonParser parser = factory(limits).createParser(json)) {
      return readDocument(parser, limits);
    } catch (IOException e) {
      throw toProtocolException(e);
    }
  }

  /**
   * Reads one JSON value from UTF-8 (or UTF-16/32, detected) bytes; nothing but whitespace may
   * follow it. The stream is not closed.
   *
   * @throws ProtocolException as for {@link #read(String, Limits)}
   * @throws UncheckedIOException when reading the stream fails
   */
  public static @Nullable Object read(InputStream in, Limits limits) {
    try (JsonParser parser = factory(limits).createParser(new BoundedInputStream(in, limits))) {
      return readDocument(parser, limits);
    } catch (JsonProcessingException e) {
      throw toProtocolException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a value as compact JSON.
   *
   * @throws IllegalArgumentException for a value of a type outside the value table, naming it, a
   *     struct member name that is not a string, or a double that is not finite
   */
  public static String write(@Nullable Object value) {
    return write(value, false);
  }

  /**
   * Writes a value as JSON indented by two spaces per level, one member or element a line.
   *
   * @throws IllegalArgumentException as for {@link #write(Object)}
   */
  public static String writePretty(@Nullable Object value) {
    return write(value, true);
  }

  /** A parser factory that enforces {@code limits}; the codecs in this package share it. */
  static JsonFactory factory(Limits limits) {
    return limits.equals(Limits.DEFAULT) ? DEFAULT_FACTORY : newFactory(limits);
  }

  private static JsonFactory newFactory(Limits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            // One more than ours, so that ValueReader reports nesting with its own message.
            .maxNestingDepth(saturatedIncrement(limits.maxDepth()))
            .maxStringLength(limits.maxStringChars())
            .maxNameLength(limits.maxStringChars())
            .build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  /** Writes {@code value} to {@code generator}; the codecs in this package share it. */
  static void writeValue(JsonGenerator generator, @Nullable Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String string) {
      generator.writeString(string);
    } else if (value instanceof Integer number) {
      generator.writeNumber(number);
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof Double number) {
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException("double: " + number + " (expected: finite)");
      }
      generator.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof byte[] bytes) {
      generator.writeString(Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof LocalDateTime dateTime) {
      generator.writeString(DATE_TIME.format(dateTime));
    } else if (value instanceof Instant instant) {
      generator.writeString(DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
    } else if (value instanceof Date date) {
      writeValue(generator, date.toInstant());
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> member : map.entrySet()) {
        if (!(member.getKey() instanceof String name)) {
          throw new IllegalArgumentException(
              "struct member name: " + member.getKey() + " (expected: a String)");
        }
        generator.writeFieldName(name);
        writeValue(generator, member.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        writeValue(generator, element);
      }
      generator.writeEndArray();
    } else {
      throw new IllegalArgumentException("unsupported value type: " + value.getClass().getName());
    }
  }

  /** Turns a parser's failure into the fault the caller should see. */
  static ProtocolException toProtocolException(IOException e) {
    if (e instanceof StreamConstraintsException tooLarge) {
      // Jackson names its own setting after the numbers; the caller only needs the numbers.
      String message = tooLarge.getOriginalMessage().replaceAll(", from `[^`]*`", "");
      return new ProtocolException(FaultCode.REQUEST_TOO_LARGE, message, e);
    }
    if (e instanceof JsonProcessingException parse) {
      JsonLocation at = parse.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return new ProtocolException(FaultCode.PARSE_ERROR, parse.getOriginalMessage() + where, e);
    }
    return new ProtocolException(FaultCode.PARSE_ERROR, "unreadable JSON: " + e.getMessage(), e);
  }

  private static @Nullable Object readDocument(JsonParser parser, Limits limits)
      throws IOException {
    if (parser.nextToken() == null) {
      throw new ProtocolException(FaultCode.PARSE_ERROR, "empty JSON text");
    }
    Object value = new ValueReader(parser, limits).readValue();
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw new ProtocolException(
          FaultCode.PARSE_ERROR,
          "unexpected content after the value at line "
              + at.getLineNr()
              + ", column "
              + at.getColumnNr());
    }
    return value;
  }

  private static String write(@Nullable Object value, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = DEFAULT_FACTORY.createGenerator(out)) {
      if (pretty) {
        generator.setPrettyPrinter(prettyPrinter());
      }
      writeValue(generator, value);
    } catch (IOException e) {
      // A StringWriter does not fail; this only satisfies the generator's signature.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  private static int saturatedIncrement(int value) {
    return value == Integer.MAX_VALUE ? value : value + 1;
  }

  /**
   * Reads values from a parser positioned on a value's first token, counting every value it makes
   * against {@link Limits#maxElements()} across calls. Not thread-safe: one per message.
   */
  static final class ValueReader {
    private final JsonParser parser;
    private final Limits limits;
    private int elements;

    ValueReader(JsonParser parser, Limits limits) {
      this.parser = parser;
      this.limits = limits;
    }

    /** Reads the value that starts at the parser's current token, leaving it on the last one. */
    @Nullable Object readValue() throws IOException {
      return readValue(1);
    }

    private @Nullable Object readValue(int depth) throws IOException {
      if (++elements > limits.maxElements()) {
        throw new ProtocolException(
            FaultCode.REQUEST_TOO_LARGE,
            "elements: " + elements + " (expected: <= " + limits.maxElements() + ")");
      }
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          return readObject(checkDepth(depth));
        case START_ARRAY:
          return readArray(checkDepth(depth));
        case VALUE_STRING:
          return parser.getText();
        case VALUE_NUMBER_INT:
          return readInteger();
        case VALUE_NUMBER_FLOAT:
          return readDouble();
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_NULL:
          return null;
        default:
          throw new ProtocolException(FaultCode.PARSE_ERROR, "unexpected token: " + token);
      }
    }

    private int checkDepth(int depth) {
      if (depth > limits.maxDepth()) {
        throw new ProtocolException(
            FaultCode.REQUEST_TOO_LARGE,
            "nesting depth: " + depth + " (expected: <= " + limits.maxDepth() + ")");
      }
      return depth;
    }

    private Map<String, @Nullable Object> readObject(int depth) throws IOException {
      Map<String, @Nullable Object> object = new LinkedHashMap<>();
      String name;
      while ((name = parser.nextFieldName()) != null) {
        parser.nextToken();
        object.put(name, readValue(depth + 1));
      }
      return object;
    }

    private List<@Nullable Object> readArray(int depth) throws IOException {
      List<@Nullable Object> array = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(readValue(depth + 1));
      }
      return array;
    }

    private Object readInteger() throws IOException {
      switch (parser.getNumberType()) {
        case INT:
          return parser.getIntValue();
        case LONG:
          return parser.getLongValue();
        default:
          throw new ProtocolException(
              FaultCode.INVALID_REQUEST,
              "integer: " + parser.getText() + " (expected: a 64-bit signed integer)");
      }
    }

    private Double readDouble() throws IOException {
      double value = parser.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw new ProtocolException(
            FaultCode.INVALID_REQUEST,
            "number: " + parser.getText() + " (expected: within the range of a double)");
      }
      return value;
    }
  }

  /**
   * Passes a stream through until more than {@link Limits#maxBodyBytes()} bytes have been read,
   * then refuses the body, so that an endless body is cut off early. Leaves the stream open.
   */
  static final class BoundedInputStream extends FilterInputStream {
    private final long maxBytes;
    private long count;

    BoundedInputStream(InputStream in, Limits limits) {
      super(in);
      this.maxBytes = limits.maxBodyBytes();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public void close() {
      // The caller opened the stream and closes it.
    }

    private void count(int n) {
      count += n;
      if (count > maxBytes) {
        throw new ProtocolException(
            FaultCode.REQUEST_TOO_LARGE,
            "body: more than " + maxBytes + " bytes (expected: <= " + maxBytes + ")");
      }
    }
  }
}
