package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault -32601, {@code MethodNotFound}: there is no such method. */
public class MethodNotFound extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public MethodNotFound(Fault fault) {
    super(fault);
  }
}
