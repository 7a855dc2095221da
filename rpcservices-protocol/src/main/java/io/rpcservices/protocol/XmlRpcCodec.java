package io.rpcservices.protocol;

import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes XML-RPC messages (the spec plus the {@code nil} and {@code i8} extensions) with
 * the value mapping of DESIGN.md. Parsing is streaming and hardened: DTDs and entities are refused,
 * and {@link Limits} bound depth, element count and string length. Instances are immutable and safe
 * to share between threads.
 *
 * <pre>{@code
 * XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);
 * byte[] body = codec.encodeRequest(RpcRequest.of("stack.push", "in", 5));
 * RpcResponse response = codec.decodeResponse(inputStream);
 * }</pre>
 */
public final class XmlRpcCodec {
  private final Limits limits;
  // Configured once here and shared: Woodstox factories are thread-safe once configured.
  private final XMLInputFactory inputFactory;

  /** A codec that enforces {@code limits}. */
  public XmlRpcCodec(Limits limits) {
    this.limits = limits;
    this.inputFactory = XmlInputFactories.create(limits);
  }

  /** The limits this codec enforces. */
  public Limits limits() {
    return limits;
  }

  /**
   * Reads a {@code methodCall}.
   *
   * @throws ProtocolException with {@link FaultCode#PARSE_ERROR} for XML that is not well formed or
   *     is forbidden (DTD, entities), {@link FaultCode#INVALID_REQUEST} for well-formed XML that is
   *     not a valid call or holds an invalid value, {@link FaultCode#REQUEST_TOO_LARGE} when a
   *     limit is passed
   * @throws UncheckedIOException when reading {@code in} fails
   */
  public RpcRequest decodeRequest(InputStream in) {
    return read(in, XmlRpcReader::request);
  }

  /**
   * Reads a {@code methodResponse}: a {@link Success} or a {@link Fault}. A response with other
   * than exactly one param is refused.
   *
   * @throws ProtocolException as for {@link #decodeRequest}
   * @throws UncheckedIOException when reading {@code in} fails
   */
  public RpcResponse decodeResponse(InputStream in) {
    return read(in, XmlRpcReader::response);
  }

  private <T> T read(InputStream in, Message<T> message) {
    @Nullable XMLStreamReader reader = null;
    try {
      reader =
          inputFactory.createXMLStreamReader(new LimitedInputStream(in, limits.maxBodyBytes()));
      return message.read(new XmlRpcReader(reader, limits));
    } catch (XMLStreamException e) {
      throw XmlStreamErrors.translate(e, limits);
    } finally {
      close(reader);
    }
  }

  /** Reads one kind of message. */
  private interface Message<T> {
    T read(XmlRpcReader reader) throws XMLStreamException;
  }

  private static void close(@Nullable XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // Closing releases buffers only; the outcome of the read is already decided.
      }
    }
  }

  /**
   * Writes a {@code methodCall}.
   *
   * @throws IllegalArgumentException for a value of a type outside the value table, naming it
   */
  public byte[] encodeRequest(RpcRequest request) {
    return new XmlRpcWriter(limits.maxDepth()).request(request);
  }

  /**
   * Writes a {@code methodResponse} for a success or a fault.
   *
   * @throws IllegalArgumentException for a value of a type outside the value table, naming it
   */
  public byte[] encodeResponse(RpcResponse response) {
    return new XmlRpcWriter(limits.maxDepth()).response(response);
  }
}
