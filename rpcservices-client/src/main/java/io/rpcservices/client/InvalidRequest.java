package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault -32600, {@code InvalidRequest}: the request was well formed but not a valid call. */
public class InvalidRequest extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public InvalidRequest(Fault fault) {
    super(fault);
  }
}
