package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/**
 * Fault 402, {@code RemoteError}: a worker's method threw; the fault data hold its type, message
 * and trace.
 */
public class RemoteError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public RemoteError(Fault fault) {
    super(fault);
  }
}
