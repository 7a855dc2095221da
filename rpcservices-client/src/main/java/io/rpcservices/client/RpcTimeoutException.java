package io.rpcservices.client;

/**
 * A call whose deadline passed before its answer was complete. The deadline covers the whole call:
 * connecting, sending, waiting and reading the reply.
 */
public class RpcTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public RpcTimeoutException(String message) {
    super(message);
  }
}
