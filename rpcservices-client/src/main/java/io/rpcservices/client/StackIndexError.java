package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/**
 * Fault 100, {@code StackIndexError}: pop or peek on an empty stack, after the wait if one was
 * asked.
 */
public class StackIndexError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public StackIndexError(Fault fault) {
    super(fault);
  }
}
