package io.rpcservices.client;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultException;

/**
 * A call answered with a {@link Fault}. Known fault codes raise a subclass named like the wire
 * error name, such as {@link StackIndexError}; an unknown code raises this class itself.
 *
 * <pre>{@code
 * try {
 *   stack.pop();
 * } catch (StackIndexError e) {
 *   // empty
 * } catch (RemoteFaultException e) {
 *   log(e.code(), e.fault().message());
 * }
 * }</pre>
 */
public class RemoteFaultException extends FaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code fault}; its message is the fault string. */
  public RemoteFaultException(Fault fault) {
    super(fault);
  }
}
