package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault -32603, {@code InternalError}: a bug on the master (the details are in its log). */
public class InternalError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public InternalError(Fault fault) {
    super(fault);
  }
}
