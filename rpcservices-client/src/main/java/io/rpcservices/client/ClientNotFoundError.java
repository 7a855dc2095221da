package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 300, {@code ClientNotFoundError}: the provider client is not logged in. */
public class ClientNotFoundError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public ClientNotFoundError(Fault fault) {
    super(fault);
  }
}
