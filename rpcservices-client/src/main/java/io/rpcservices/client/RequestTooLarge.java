package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/**
 * Fault 413, {@code RequestTooLarge}: the request's body, nesting or element count was over the
 * master's limits.
 */
public class RequestTooLarge extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public RequestTooLarge(Fault fault) {
    super(fault);
  }
}
