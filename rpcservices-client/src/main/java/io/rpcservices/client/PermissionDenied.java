package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 403, {@code PermissionDenied}: the caller may not call this method. */
public class PermissionDenied extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public PermissionDenied(Fault fault) {
    super(fault);
  }
}
