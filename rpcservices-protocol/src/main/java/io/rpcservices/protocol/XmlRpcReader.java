package io.rpcservices.protocol;

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
 * Reads one {@code methodCall} or {@code methodResponse} from a StAX reader, checking its shape
 * and the {@link Limits} on depth, value count and string length as it goes. Nothing recurses, so
 * no nesting can overflow the stack.
 */
final class XmlRpcReader {
  private final XMLStreamReader reader;
  private final Limits limits;
  private int values;

  XmlRpcReader(XMLStreamReader reader, Limits limits) {
    this.reader = reader;
    this.limits = limits;
  }

  RpcRequest request() throws XMLStreamException {
    root("methodCall");
    requireStart(nextTag(), "methodName", "methodCall");
    String method = text("methodName").strip();
    if (method.isEmpty()) {
      throw invalid("empty methodName");
    }
    List<Object> params = List.of();
    int event = nextTag();
    if (event == XMLStreamConstants.START_ELEMENT && isElement("params")) {
      params = params();
      event = nextTag();
    }
    requireEnd(event, "methodCall");
    finish();
    return new RpcRequest(method, params);
  }

  RpcResponse response() throws XMLStreamException {
    root("methodResponse");
    int event = nextTag();
    RpcResponse response;
    if (event == XMLStreamConstants.START_ELEMENT && isElement("params")) {
      List<Object> params = params();
      if (params.size() != 1) {
        throw invalid("methodResponse must hold exactly one param, found " + params.size());
      }
      response = new Success(params.get(0));
    } else if (event == XMLStreamConstants.START_ELEMENT && isElement("fault")) {
      response = fault();
    } else {
      throw unexpected(event, "<params> or <fault>", "methodResponse");
    }
    requireEnd(nextTag(), "methodResponse");
    finish();
    return response;
  }

  private void root(String name) throws XMLStreamException {
    int event = nextTag();
    if (event != XMLStreamConstants.START_ELEMENT || !isElement(name)) {
      throw unexpected(event, "<" + name + ">", "the document");
    }
  }

  /** Reads the rest of the document, so that trailing garbage is still refused. */
  private void finish() throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        throw dtd();
      }
    }
  }

  /** Reads {@code <param>} elements up to {@code </params>}. */
  private List<Object> params() throws XMLStreamException {
    List<Object> params = new ArrayList<>();
    while (true) {
      int event = nextTag();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return params;
      }
      requireStart(event, "param", "params");
      requireStart(nextTag(), "value", "param");
      params.add(value());
      requireEnd(nextTag(), "param");
    }
  }

  private Fault fault() throws XMLStreamException {
    requireStart(nextTag(), "value", "fault");
    Object value = value();
    requireEnd(nextTag(), "fault");
    if (!(value instanceof Map<?, ?> struct)) {
      throw invalid("fault value must be a struct");
    }
    // Only these two members are read; others (such as Apache's faultCause, a serialized Java
    // exception) are ignored and never deserialized.
    if (!(struct.get("faultCode") instanceof Integer code)) {
      throw invalid("fault without an int faultCode");
    }
    if (!(struct.get("faultString") instanceof String message)) {
      throw invalid("fault without a string faultString");
    }
    return Fault.fromWire(code, message);
  }

  /**
   * Reads the value whose {@code <value>} start tag is the current event, up to its end tag.
   * Nested arrays and structs are kept on a heap stack, not the call stack, so that no depth of
   * nesting can overflow it.
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
    String text = "";
    StringBuilder more = null;
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text.isEmpty()) {
            text = reader.getText();
          } else {
            more = append(more, text, reader.getText());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> {
          String before = more == null ? text : more.toString();
          if (!before.isBlank()) {
            throw invalid("<value> holds both text and an element");
          }
          return typed();
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return checkLength(more == null ? text : more.toString());
        }
        default -> skip(event);
      }
    }
  }

  private @Nullable Object typed() throws XMLStreamException {
    String name = reader.getLocalName();
    Object value;
    switch (name) {
      case "struct":
        return new Container(new LinkedHashMap<>());
      case "array":
        requireStart(nextTag(), "data", "array");
        return new Container(new ArrayList<>());
      case "string":
        value = text(name);
        break;
      case "int":
      case "i4":
        value = XmlRpcScalars.parseInt(text(name));
        break;
      case "boolean":
        value = XmlRpcScalars.parseBoolean(text(name));
        break;
      case "double":
        value = XmlRpcScalars.parseDouble(text(name));
        break;
      case "dateTime.iso8601":
        value = XmlRpcScalars.parseDateTime(text(name));
        break;
      case "base64":
        value = XmlRpcScalars.parseBase64(text(name));
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
      return XmlRpcScalars.parseI8(text(name));
    }
    if (local.equals("nil")) {
      if (!text(name).isBlank()) {
        throw invalid("<" + name + "> must be empty");
      }
      return null;
    }
    throw invalid("unknown value type <" + XmlRpcScalars.abbreviate(name) + ">");
  }

  /** Reads the {@code </value>} after a value's one element. */
  private void endValue() throws XMLStreamException {
    if (nextTag() != XMLStreamConstants.END_ELEMENT) {
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
    int event = nextTag();
    if (container.struct != null) {
      if (event == XMLStreamConstants.END_ELEMENT) {
        endValue();
        return false;
      }
      requireStart(event, "member", "struct");
      requireStart(nextTag(), "name", "member");
      container.name = text("name");
      requireStart(nextTag(), "value", "member");
      return true;
    }
    if (event == XMLStreamConstants.END_ELEMENT) {
      requireEnd(nextTag(), "array");
      endValue();
      return false;
    }
    requireStart(event, "value", "data");
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
    requireEnd(nextTag(), "member");
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

  /** The text of the current element, which must hold no element, up to its end tag. */
  private String text(String element) throws XMLStreamException {
    String text = "";
    StringBuilder more = null;
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text.isEmpty()) {
            text = reader.getText();
          } else {
            more = append(more, text, reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return checkLength(more == null ? text : more.toString());
        }
        case XMLStreamConstants.START_ELEMENT -> throw unexpected(event, "text", element);
        default -> skip(event);
      }
    }
  }

  /** Joins text split by a comment or processing instruction. */
  private StringBuilder append(@Nullable StringBuilder more, String first, String next) {
    StringBuilder builder = more == null ? new StringBuilder(first) : more;
    builder.append(next);
    checkLength(builder);
    return builder;
  }

  private <T extends CharSequence> T checkLength(T text) {
    if (text.length() > limits.maxStringChars()) {
      throw new ProtocolException(
          FaultCode.REQUEST_TOO_LARGE,
          "string longer than " + limits.maxStringChars() + " characters (maxStringChars)");
    }
    return text;
  }

  /** The next start or end tag, skipping whitespace, comments and processing instructions. */
  private int nextTag() throws XMLStreamException {
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT, XMLStreamConstants
            .END_DOCUMENT -> {
          return event;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!reader.isWhiteSpace()) {
            throw invalid("unexpected text in the document");
          }
        }
        default -> skip(event);
      }
    }
  }

  /** Lets comments and processing instructions pass; refuses DTDs and entity references. */
  private void skip(int event) {
    if (event == XMLStreamConstants.DTD) {
      throw dtd();
    }
    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new ProtocolException(FaultCode.PARSE_ERROR, "entity references are not allowed");
    }
  }

  private static ProtocolException dtd() {
    return new ProtocolException(FaultCode.PARSE_ERROR, "DTD is not allowed");
  }

  private boolean isElement(String name) {
    return reader.getLocalName().equals(name);
  }

  private void requireStart(int event, String name, String parent) {
    if (event != XMLStreamConstants.START_ELEMENT || !isElement(name)) {
      throw unexpected(event, "<" + name + ">", parent);
    }
  }

  private void requireEnd(int event, String name) {
    if (event != XMLStreamConstants.END_ELEMENT) {
      throw unexpected(event, "</" + name + ">", name);
    }
  }

  private ProtocolException unexpected(int event, String expected, String parent) {
    String found =
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> "<"
              + XmlRpcScalars.abbreviate(reader.getLocalName())
              + ">";
          case XMLStreamConstants.END_ELEMENT -> "</"
              + XmlRpcScalars.abbreviate(reader.getLocalName())
              + ">";
          default -> "the end of the document";
        };
    String where = parent.equals("the document") ? parent : "<" + parent + ">";
    return invalid("expected " + expected + " in " + where + ", found " + found);
  }

  private static ProtocolException invalid(String message) {
    return new ProtocolException(FaultCode.INVALID_REQUEST, message);
  }
}
