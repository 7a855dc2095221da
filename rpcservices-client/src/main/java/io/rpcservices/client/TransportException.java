package io.rpcservices.client;

/**
 * A call that failed on this side of the wire: the master could not be reached, answered with an
 * HTTP status other than 200, or sent a reply that is malformed, oversized or forbidden (a DTD,
 * entities, too deep). The message names the method and the endpoint, then the problem.
 */
public class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public TransportException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
