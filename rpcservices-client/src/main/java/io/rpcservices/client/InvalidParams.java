package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault -32602, {@code InvalidParams}: wrong number or types of parameters. */
public class InvalidParams extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public InvalidParams(Fault fault) {
    super(fault);
  }
}
