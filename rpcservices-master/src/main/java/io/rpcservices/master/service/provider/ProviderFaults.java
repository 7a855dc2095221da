package io.rpcservices.master.service.provider;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;

/** The faults of the provider service. */
final class ProviderFaults {
  private ProviderFaults() {}

  /** Fault 300: no such client. */
  static FaultException notLoggedIn(String name) {
    return new FaultException(
        FaultCode.CLIENT_NOT_FOUND_ERROR, "client '" + name + "' is not logged in");
  }
}
