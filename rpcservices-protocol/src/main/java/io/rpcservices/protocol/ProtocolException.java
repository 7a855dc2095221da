package io.rpcservices.protocol;

/**
 * Malformed, forbidden or oversized input met by a codec. The server answers it with the fault of
 * {@link #faultCode()}; a client raises it as a transport failure.
 */
public class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final FaultCode faultCode;

  /** An exception whose fault will be {@code faultCode} with {@code message} as its detail. */
  public ProtocolException(FaultCode faultCode, String message) {
    super(message);
    this.faultCode = faultCode;
  }

  /** The same, keeping the parser's own exception as the cause. */
  public ProtocolException(FaultCode faultCode, String message, Throwable cause) {
    super(message, cause);
    this.faultCode = faultCode;
  }

  /** The fault code to answer with: parse error, invalid request or request too large. */
  public FaultCode faultCode() {
    return faultCode;
  }

  /** The fault a server answers this exception with. */
  public Fault toFault() {
    return Fault.of(faultCode, getMessage());
  }
}
