package io.rpcservices.protocol;

import java.io.InputStream;

/**
 * Reads and writes XML-RPC messages (the spec plus the {@code nil} and {@code i8} extensions) with
 * the value mapping of DESIGN.md. Parsing is streaming and hardened: DTDs and entities are refused,
 * and {@link Limits} bound depth, element count and string length. Instances are immutable and
 * safe to share between threads.
 *
 * <pre>{@code
 * XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);
 * byte[] body = codec.encodeRequest(RpcRequest.of("stack.push", "in", 5));
 * RpcResponse response = codec.decodeResponse(inputStream);
 * }</pre>
 */
public final class XmlRpcCodec {
  private final Limits limits;

  /** A codec that enforces {@code limits}. */
  public XmlRpcCodec(Limits limits) {
    this.limits = limits;
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
   *     not a valid call or holds an invalid value, {@link FaultCode#REQUEST_TOO_LARGE} when a limit
   *     is passed
   */
  public RpcRequest decodeRequest(InputStream in) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Reads a {@code methodResponse}: a {@link Success} or a {@link Fault}. A response with other
   * than exactly one param is refused.
   *
   * @throws ProtocolException as for {@link #decodeRequest}
   */
  public RpcResponse decodeResponse(InputStream in) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Writes a {@code methodCall}.
   *
   * @throws IllegalArgumentException for a value of a type outside the value table, naming it
   */
  public byte[] encodeRequest(RpcRequest request) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Writes a {@code methodResponse} for a success or a fault.
   *
   * @throws IllegalArgumentException for a value of a type outside the value table, naming it
   */
  public byte[] encodeResponse(RpcResponse response) {
    throw new UnsupportedOperationException("not yet");
  }
}
