package io.rpcservices.protocol;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Steps through a StAX reader by tags and text: skips comments, processing instructions and
 * whitespace between tags, refuses DTDs and entity references, and bounds text length.
 */
final class XmlCursor {
  private final XMLStreamReader reader;
  private final int maxStringChars;
  private int event;

  XmlCursor(XMLStreamReader reader, int maxStringChars) {
    this.reader = reader;
    this.maxStringChars = maxStringChars;
  }

  /** The next start or end tag (or the end of the document), past whitespace and comments. */
  int nextTag() throws XMLStreamException {
    while (true) {
      event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT,
            XMLStreamConstants.END_ELEMENT,
            XMLStreamConstants.END_DOCUMENT -> {
          return event;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!reader.isWhiteSpace()) {
            throw invalid("unexpected text in the document");
          }
        }
        default -> skip();
      }
    }
  }

  /**
   * Reads character data up to the next start or end tag, which {@link #atStart()} then tells
   * apart. Text split by comments is joined.
   */
  String textToTag() throws XMLStreamException {
    String text = "";
    StringBuilder joined = null;
    while (true) {
      event = reader.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text.isEmpty()) {
            text = reader.getText();
          } else {
            joined = join(joined, text, reader.getText());
          }
        }
        case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
          return checkLength(joined == null ? text : joined.toString());
        }
        default -> skip();
      }
    }
  }

  /** The text of the current element, which must hold no element, up to its end tag. */
  String text(String element) throws XMLStreamException {
    String text = textToTag();
    if (atStart()) {
      throw unexpected("text", element);
    }
    return text;
  }

  /** Reads the rest of the document, so that trailing garbage is still refused. */
  void finish() throws XMLStreamException {
    while (reader.hasNext()) {
      event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        throw dtd();
      }
    }
  }

  boolean atStart() {
    return event == XMLStreamConstants.START_ELEMENT;
  }

  boolean atStart(String name) {
    return atStart() && name().equals(name);
  }

  /** The name of the current tag as written, prefix included. */
  String name() {
    return reader.getLocalName();
  }

  /** Reads the next tag, which must start element {@code name} inside {@code parent}. */
  void start(String name, String parent) throws XMLStreamException {
    nextTag();
    requireStart(name, parent);
  }

  /** Requires the current tag to start element {@code name} inside {@code parent}. */
  void requireStart(String name, String parent) {
    if (!atStart(name)) {
      throw unexpected("<" + name + ">", parent);
    }
  }

  /** Reads the next tag, which must end element {@code name}. */
  void end(String name) throws XMLStreamException {
    if (nextTag() != XMLStreamConstants.END_ELEMENT) {
      throw unexpected("</" + name + ">", name);
    }
  }

  /** A refusal naming what was expected in {@code parent} and the tag found instead. */
  ProtocolException unexpected(String expected, @Nullable String parent) {
    String found =
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> "<" + XmlRpcScalars.abbreviate(name()) + ">";
          case XMLStreamConstants.END_ELEMENT -> "</" + XmlRpcScalars.abbreviate(name()) + ">";
          default -> "the end of the document";
        };
    String where = parent == null ? "the document" : "<" + parent + ">";
    return invalid("expected " + expected + " in " + where + ", found " + found);
  }

  static ProtocolException invalid(String message) {
    return new ProtocolException(FaultCode.INVALID_REQUEST, message);
  }

  /** Lets comments and processing instructions pass; refuses DTDs and entity references. */
  private void skip() {
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

  private StringBuilder join(@Nullable StringBuilder joined, String first, String next) {
    StringBuilder builder = joined == null ? new StringBuilder(first) : joined;
    builder.append(next);
    checkLength(builder);
    return builder;
  }

  private <T extends CharSequence> T checkLength(T text) {
    if (text.length() > maxStringChars) {
      throw new ProtocolException(
          FaultCode.REQUEST_TOO_LARGE,
          "string longer than " + maxStringChars + " characters (maxStringChars)");
    }
    return text;
  }
}
