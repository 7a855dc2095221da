package io.rpcservices.master.service.stack;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;

/** The faults of the stack service. */
final class StackFaults {
  private StackFaults() {}

  /** Fault 100: nothing to pop. */
  static FaultException empty(String name) {
    return new FaultException(FaultCode.STACK_INDEX_ERROR, "stack '" + name + "' is empty");
  }

  /** Fault 101: no such stack. */
  static FaultException notFound(String name) {
    return new FaultException(FaultCode.STACK_NOT_FOUND_ERROR, "no stack named '" + name + "'");
  }
}
