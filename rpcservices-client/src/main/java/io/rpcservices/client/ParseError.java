package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/**
 * Fault -32700, {@code ParseError}: the master could not parse the request, or it held forbidden
 * XML.
 */
public class ParseError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}. */
  public ParseError(Fault fault) {
    super(fault);
  }
}
