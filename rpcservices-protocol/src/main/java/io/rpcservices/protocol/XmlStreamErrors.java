package io.rpcservices.protocol;

import java.io.UncheckedIOException;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/** Turns parser failures into short {@link ProtocolException}s with no trace and no paths. */
final class XmlStreamErrors {
  private static final int MAX_MESSAGE = 160;

  private XmlStreamErrors() {}

  /**
   * The exception to throw for a parser failure: a {@link ProtocolException} raised inside the
   * parse (such as the body limit) or an {@link UncheckedIOException} from the body stream as it
   * is, anything else (including bad bytes for the declared encoding) as a parse error.
   */
  static RuntimeException translate(Exception failure, Limits limits) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProtocolException protocol) {
        return protocol;
      }
      if (cause instanceof UncheckedIOException io) {
        return io;
      }
    }
    String message = firstLine(String.valueOf(failure.getMessage()));
    ProtocolException limit = limit(message, limits);
    if (limit != null) {
      return limit;
    }
    Location location = failure instanceof XMLStreamException xml ? xml.getLocation() : null;
    String where =
        location == null || location.getLineNumber() < 0
            ? ""
            : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    return new ProtocolException(
        FaultCode.PARSE_ERROR, "not well-formed XML" + where + ": " + message, failure);
  }

  /** Woodstox's own limits (see {@link XmlInputFactories}) say so only in their messages. */
  private static @Nullable ProtocolException limit(String message, Limits limits) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (!lower.contains("limit") || !lower.contains("exceeded")) {
      return null;
    }
    String detail;
    if (lower.startsWith("text size limit")) {
      detail = "string longer than " + limits.maxStringChars() + " characters (maxStringChars)";
    } else if (lower.contains("attribute size limit")) {
      detail = "attribute longer than " + limits.maxStringChars() + " characters (maxStringChars)";
    } else {
      detail = "document over the parser's limits";
    }
    return new ProtocolException(FaultCode.REQUEST_TOO_LARGE, detail);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
  }
}
