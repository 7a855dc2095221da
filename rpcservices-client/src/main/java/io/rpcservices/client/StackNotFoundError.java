package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 101, {@code StackNotFoundError}: the stack does not exist. */
public class StackNotFoundError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public StackNotFoundError(Fault fault) {
    super(fault);
  }
}
