package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 400, {@code ServiceUnavailableError}: no worker serves that service name. */
public class ServiceUnavailableError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public ServiceUnavailableError(Fault fault) {
    super(fault);
  }
}
