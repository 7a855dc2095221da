package io.rpcservices.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Writes {@code methodCall} and {@code methodResponse} documents with the value table mapping. */
final class XmlRpcWriter {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private final int maxDepth;
  private final XmlOutput out = new XmlOutput(256);

  XmlRpcWriter(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  byte[] request(RpcRequest request) {
    out.ascii(DECLARATION).ascii("<methodCall><methodName>");
    out.text(request.method());
    out.ascii("</methodName><params>");
    for (Object param : request.params()) {
      out.ascii("<param>");
      value(param, 0);
      out.ascii("</param>");
    }
    out.ascii("</params></methodCall>");
    return out.toByteArray();
  }

  byte[] response(RpcResponse response) {
    out.ascii(DECLARATION).ascii("<methodResponse>");
    if (response instanceof Success success) {
      out.ascii("<params><param>");
      value(success.value(), 0);
      out.ascii("</param></params>");
    } else if (response instanceof Fault fault) {
      out.ascii("<fault><value><struct><member><name>faultCode</name><value><int>");
      out.number(fault.code());
      out.ascii("</int></value></member><member><name>faultString</name><value><string>");
      // A fault must always go out, even when its message quotes bytes XML cannot carry.
      out.text(XmlOutput.replaceNotAllowed(fault.message()));
      out.ascii("</string></value></member>");
      faultData(fault);
      out.ascii("</struct></value></fault>");
    }
    out.ascii("</methodResponse>");
    return out.toByteArray();
  }

  /**
   * The extension member {@code faultData}: the text members of the fault's data other than its
   * type, such as a worker's remote stack trace, by name; absent when there are none. Other XML-RPC clients
   * ignore members they do not know, as they ignore Apache's {@code faultCause}.
   */
  private void faultData(Fault fault) {
    boolean open = false;
    for (Map.Entry<String, Object> member : new TreeMap<>(fault.data()).entrySet()) {
      if (member.getKey().equals("type") || !(member.getValue() instanceof String text)) {
        continue;
      }
      if (!open) {
        out.ascii("<member><name>faultData</name><value><struct>");
        open = true;
      }
      out.ascii("<member><name>").text(XmlOutput.replaceNotAllowed(member.getKey()));
      out.ascii("</name><value><string>").text(XmlOutput.replaceNotAllowed(text));
      out.ascii("</string></value></member>");
    }
    if (open) {
      out.ascii("</struct></value></member>");
    }
  }

  private void value(@Nullable Object value, int depth) {
    out.ascii("<value>");
    if (value == null) {
      out.ascii("<nil/>");
    } else if (value instanceof String string) {
      out.ascii("<string>").text(string).ascii("</string>");
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.ascii("<int>").number(((Number) value).intValue()).ascii("</int>");
    } else if (value instanceof Long number) {
      out.ascii("<i8>").number(number).ascii("</i8>");
    } else if (value instanceof Boolean bool) {
      out.ascii(bool ? "<boolean>1</boolean>" : "<boolean>0</boolean>");
    } else if (value instanceof Double number) {
      doubleValue(number);
    } else if (value instanceof Float number) {
      // Through the float's own shortest text, so that 0.1f is written as 0.1.
      doubleValue(Double.parseDouble(Float.toString(number)));
    } else if (value instanceof Map<?, ?> map) {
      struct(map, depth + 1);
    } else if (value instanceof Collection<?> collection) {
      array(collection, depth + 1);
    } else if (value instanceof Object[] array) {
      array(Arrays.asList(array), depth + 1);
    } else if (value instanceof byte[] bytes) {
      out.ascii("<base64>").raw(Base64.getEncoder().encode(bytes)).ascii("</base64>");
    } else {
      dateOrText(value);
    }
    out.ascii("</value>");
  }

  private void dateOrText(Object value) {
    LocalDateTime dateTime;
    if (value instanceof LocalDateTime local) {
      dateTime = local;
    } else if (value instanceof Instant instant) {
      dateTime = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    } else if (value instanceof Date date) {
      // getTime(), not toInstant(): java.sql.Date.toInstant() throws.
      dateTime = LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), ZoneOffset.UTC);
    } else if (value instanceof OffsetDateTime offset) {
      dateTime = offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } else if (value instanceof ZonedDateTime zoned) {
      dateTime = zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } else if (value instanceof CharSequence || value instanceof Character) {
      out.ascii("<string>").text(value.toString()).ascii("</string>");
      return;
    } else {
      throw new IllegalArgumentException("unsupported value type: " + value.getClass().getName());
    }
    StringBuilder text = new StringBuilder(17);
    XmlRpcDateTime.format(dateTime, text);
    out.ascii("<dateTime.iso8601>").ascii(text.toString()).ascii("</dateTime.iso8601>");
  }

  private void doubleValue(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("double not allowed in XML-RPC: " + value);
    }
    String text = Double.toString(value);
    if (text.indexOf('E') >= 0) {
      // XML-RPC has no exponent notation: write the same value in plain digits.
      text = BigDecimal.valueOf(value).toPlainString();
    }
    out.ascii("<double>").ascii(text).ascii("</double>");
  }

  private void struct(Map<?, ?> map, int depth) {
    checkDepth(depth);
    out.ascii("<struct>");
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        Object key = entry.getKey();
        throw new IllegalArgumentException(
            "struct member name must be a String: "
                + (key == null ? "null" : key.getClass().getName()));
      }
      out.ascii("<member><name>").text(name).ascii("</name>");
      value(entry.getValue(), depth);
      out.ascii("</member>");
    }
    out.ascii("</struct>");
  }

  private void array(Collection<?> values, int depth) {
    checkDepth(depth);
    out.ascii("<array><data>");
    for (Object element : values) {
      value(element, depth);
    }
    out.ascii("</data></array>");
  }

  private void checkDepth(int depth) {
    // Also stops a collection that contains itself before it overflows the stack.
    if (depth > maxDepth) {
      throw new IllegalArgumentException(
          "value nested deeper than " + maxDepth + " arrays or structs (maxDepth)");
    }
  }
}
