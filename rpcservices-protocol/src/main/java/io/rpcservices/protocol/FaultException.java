package io.rpcservices.protocol;

/**
 * An exception that stands for a {@link Fault}. Services throw it to answer a call with a fault;
 * the client throws its subclasses when a call is answered with one.
 *
 * <pre>{@code
 * throw new FaultException(FaultCode.STACK_NOT_FOUND_ERROR, "no stack named 'in'");
 * }</pre>
 */
public class FaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Fault fault;

  /** An exception for {@code fault}; its message is the fault's message. */
  public FaultException(Fault fault) {
    super(fault.message(), null, false, false);
    this.fault = fault;
  }

  /** An exception for a new fault with {@code code}'s error name before {@code detail}. */
  public FaultException(FaultCode code, String detail) {
    this(Fault.of(code, detail));
  }

  /** The fault this exception stands for. */
  public Fault fault() {
    return fault;
  }

  /** The numeric fault code. */
  public int code() {
    return fault.code();
  }
}
