package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 401, {@code CallTimeoutError}: the call's deadline passed on the master. */
public class CallTimeoutError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public CallTimeoutError(Fault fault) {
    super(fault);
  }
}
