package io.rpcservices.protocol;

import static io.rpcservices.protocol.XmlCursor.invalid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@code methodCall} or {@code methodResponse}, checking its shape and the {@link Limits}
 * on depth and value count as it goes. Nothing recurses, so no nesting can overflow the stack.
 */
final class XmlRpcReader {
  private final XmlCursor cursor;
  private final Limits limits;
  private int values;

  XmlRpcReader(XMLStreamReader reader, Limits limits) {
    this.cursor = new XmlCursor(reader, limits.maxStringChars());
    this.limits = limits;
  }

  RpcRequest request() throws XMLStreamException {
    root("methodCall");
    cursor.start("methodName", "methodCall");
    String method = cursor.text("methodName").strip();
    if (method.isEmpty()) {
      throw invalid("empty methodName");
    }
    List<Object> params = List.of();
    cursor.nextTag();
    if (cursor.atStart("params")) {
      params = params();
      cursor.nextTag();
    }
    if (cursor.atStart()) {
      throw cursor.unexpected("</methodCall>", "methodCall");
    }
    cursor.finish();
    return new RpcRequest(method, params);
  }

  RpcResponse response() throws XMLStreamException {
    root("methodResponse");
    cursor.nextTag();
    RpcResponse response;
    if (cursor.atStart("params")) {
      List<Object> params = params();
      if (params.size() != 1) {
        throw invalid("methodResponse must hold exactly one param, found " + params.size());
      }
      response = new Success(params.get(0));
    } else if (cursor.atStart("fault")) {
      response = fault();
    } else {
      throw cursor.unexpected("<params> or <fault>", "methodResponse");
    }
    cursor.end("methodResponse");
    cursor.finish();
    return response;
  }

  private void root(String name) throws XMLStreamException {
    cursor.nextTag();
    if (!cursor.atStart(name)) {
      throw cursor.unexpected("<" + name + ">", null);
    }
  }

  /** Reads {@code <param>} elements up to {@code </params>}. */
  private List<Object> params() throws XMLStreamException {
    List<Object> params = new ArrayList<>();
    while (cursor.nextTag() != XMLStreamConstants.END_ELEMENT) {
      cursor.requireStart("param", "params");
      cursor.start("value", "param");
      params.add(value());
      cursor.end("param");
    }
    return params;
  }

  private Fault fault() throws XMLStreamException {
    cursor.start("value", "fault");
    Object value = value();
    cursor.end("fault");
    if (!(value instanceof Map<?, ?> struct)) {
      throw invalid("fault value must be a struct");
    }
    // Only these members are read; others (such as Apache's faultCause, a serialized Java
    // exception) are ignored and never deserialized.
    if (!(struct.get("faultCode") instanceof Integer code)) {
      throw invalid("fault without an int faultCode");
    }
    if (!(struct.get("faultString") instanceof String message)) {
      throw invalid("fault without a string faultString");
    }
    Fault fault = Fault.fromWire(code, message);
    if (!(struct.get("faultData") instanceof Map<?, ?> extra)) {
      return fault;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    extra.forEach(
        (name, text) -> {
          if (text instanceof String) {
            data.put((String) name, text);
          }
        });
    data.put("type", fault.type());
    return new Fault(code, message, data);
  }

  /**
   * Reads the value whose {@code <value>} start tag is the current event, up to its end tag. Nested
   * arrays and structs are kept on a heap stack, not the call stack, so that no depth of nesting
   * can overflow it.
   */
  private @Nullable Object value() throws XMLStreamException {
    ArrayDeque<Container> open = new ArrayDeque<>();
    while (true) {
      Object item = valueContent();
      if (item instanceof Container container) {
        if (open.size() == limits.maxDepth()) {
          throw new ProtocolException(
              FaultCode.REQUEST_TOO_LARGE,
              "values nested deeper than " + limits.maxDepth() + " (maxDepth)");
        }
        open.push(container);
      } else if (open.isEmpty()) {
        return item;
      } else {
        add(open.peek(), item);
      }
      // Move on to the next <value> in the innermost open container, closing those that end.
      while (!nextValue(open.peek())) {
        Object done = open.pop().value();
        if (open.isEmpty()) {
          return done;
        }
        add(open.peek(), done);
      }
    }
  }

  /**
   * Reads what follows a {@code <value>} start tag: a scalar up to and with {@code </value>}, or
   * the start of an array or struct, returned as a new {@link Container}.
   */
  private @Nullable Object valueContent() throws XMLStreamException {
    if (++values > limits.maxElements()) {
      throw new ProtocolException(
          FaultCode.REQUEST_TOO_LARGE,
          "more than " + limits.maxElements() + " values (maxElements)");
    }
    String text = cursor.textToTag();
    if (!cursor.atStart()) {
      return text;
    }
    if (!text.isBlank()) {
      throw invalid("<value> holds both text and an element");
    }
    String name = cursor.name();
    Object value;
    switch (name) {
      case "struct":
        return new Container(new LinkedHashMap<>());
      case "array":
        cursor.start("data", "array");
        return new Container(new ArrayList<>());
      case "string":
        value = cursor.text(name);
        break;
      case "int":
      case "i4":
        value = XmlRpcScalars.parseInt(cursor.text(name));
        break;
      case "boolean":
        value = XmlRpcScalars.parseBoolean(cursor.text(name));
        break;
      case "double":
        value = XmlRpcScalars.parseDouble(cursor.text(name));
        break;
      case "dateTime.iso8601":
        value = XmlRpcScalars.parseDateTime(cursor.text(name));
        break;
      case "base64":
        value = XmlRpcScalars.parseBase64(cursor.text(name));
        break;
      default:
        value = extension(name);
    }
    endValue();
    return value;
  }

  /** The {@code nil} and {@code i8} extensions, also with a prefix such as Apache's {@code ex:}. */
  private @Nullable Object extension(String name) throws XMLStreamException {
    String local = name.substring(name.indexOf(':') + 1);
    if (local.equals("i8")) {
      return XmlRpcScalars.parseI8(cursor.text(name));
    }
    if (local.equals("nil")) {
      if (!cursor.text(name).isBlank()) {
        throw invalid("<" + name + "> must be empty");
      }
      return null;
    }
    throw invalid("unknown value type <" + XmlRpcScalars.abbreviate(name) + ">");
  }

  /** Reads the {@code </value>} after a value's one element. */
  private void endValue() throws XMLStreamException {
    if (cursor.nextTag() != XMLStreamConstants.END_ELEMENT) {
      throw invalid("<value> holds more than one element");
    }
  }

  /**
   * Moves to the next {@code <value>} start tag in {@code container}, reading a struct member's
   * name on the way, or reads the end of the container and of its {@code <value>}.
   *
   * @return whether a value follows
   */
  private boolean nextValue(Container container) throws XMLStreamException {
    int event = cursor.nextTag();
    if (container.struct != null) {
      if (event == XMLStreamConstants.END_ELEMENT) {
        endValue();
        return false;
      }
      cursor.requireStart("member", "struct");
      cursor.start("name", "member");
      container.name = cursor.text("name");
      cursor.start("value", "member");
      return true;
    }
    if (event == XMLStreamConstants.END_ELEMENT) {
      cursor.end("array");
      endValue();
      return false;
    }
    cursor.requireStart("value", "data");
    return true;
  }

  private void add(Container container, @Nullable Object value) throws XMLStreamException {
    if (container.array != null) {
      container.array.add(value);
      return;
    }
    String name = container.name;
    if (container.struct.containsKey(name)) {
      throw invalid("duplicate struct member: '" + XmlRpcScalars.abbreviate(name) + "'");
    }
    container.struct.put(name, value);
    cursor.end("member");
  }

  /** An array or struct being read, with the name of the struct member whose value comes next. */
  private static final class Container {
    final @Nullable List<Object> array;
    final @Nullable Map<String, Object> struct;
    String name = "";

    Container(List<Object> array) {
      this.array = array;
      this.struct = null;
    }

    Container(Map<String, Object> struct) {
      this.array = null;
      this.struct = struct;
    }

    Object value() {
      return array != null ? array : struct;
    }
  }
}
