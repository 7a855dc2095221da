package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 200, {@code ParameterNotFoundError}: the storage parameter does not exist. */
public class ParameterNotFoundError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public ParameterNotFoundError(Fault fault) {
    super(fault);
  }
}
