package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 1, {@code ServiceError}: a generic service failure. */
public class ServiceError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public ServiceError(Fault fault) {
    super(fault);
  }
}
