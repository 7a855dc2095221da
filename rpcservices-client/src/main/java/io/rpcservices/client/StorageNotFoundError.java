package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/** Fault 201, {@code StorageNotFoundError}: the storage does not exist. */
public class StorageNotFoundError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public StorageNotFoundError(Fault fault) {
    super(fault);
  }
}
