package io.rpcservices.protocol;

import java.io.UncheckedIOException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** Turns parser failures into short {@link ProtocolException}s with no trace and no paths. */
final class XmlStreamErrors {
  private static final int MAX_MESSAGE = 160;

  private XmlStreamErrors() {}

  /**
   * The exception to throw for a parser failure: a {@link ProtocolException} raised inside the
   * parse (such as the body limit) or an {@link UncheckedIOException} from the body stream as it
   * is, anything else (including bad bytes for the declared encoding) as a parse error.
   */
  static RuntimeException translate(Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProtocolException protocol) {
        return protocol;
      }
      if (cause instanceof UncheckedIOException io) {
        return io;
      }
    }
    String message = firstLine(String.valueOf(failure.getMessage()));
    if (message.contains("limit") && message.contains("xceeded")) {
      return new ProtocolException(FaultCode.REQUEST_TOO_LARGE, "document over the parser's limits");
    }
    Location location = failure instanceof XMLStreamException xml ? xml.getLocation() : null;
    String where =
        location == null || location.getLineNumber() < 0
            ? ""
            : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    return new ProtocolException(
        FaultCode.PARSE_ERROR, "not well-formed XML" + where + ": " + message, failure);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
  }
}
