package io.rpcservices.client;

import io.rpcservices.protocol.Fault;

/**
 * Fault 402, {@code RemoteError}: a worker's method threw. The remote exception's class name,
 * message and stack trace come from the fault data as text; no class is ever loaded or built from
 * them. XML-RPC faults carry no data, so over XML-RPC the class name and message are read from the
 * fault string ({@code RemoteError: <class>: <message>}) and the trace is empty.
 *
 * <pre>{@code
 * try {
 *   math.call("math.check", -1);
 * } catch (RemoteError e) {
 *   e.remoteType();    // "java.lang.IllegalArgumentException"
 *   e.remoteMessage(); // "x must be > 0"
 *   e.remoteTrace();   // "java.lang.IllegalArgumentException: x must be > 0\n\tat ..."
 * }
 * }</pre>
 */
public class RemoteError extends RemoteFaultException {
  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "RemoteError: ";

  /** An exception for {@code fault}. */
  public RemoteError(Fault fault) {
    super(fault);
  }

  /** The class name of the exception the method threw, such as {@code java.io.IOException}. */
  public String remoteType() {
    if (fault().data().get("exception") instanceof String type) {
      return type;
    }
    String detail = detail();
    int colon = detail.indexOf(": ");
    return colon < 0 ? detail : detail.substring(0, colon);
  }

  /** The message of the exception the method threw, {@code ""} if it had none. */
  public String remoteMessage() {
    if (fault().data().get("message") instanceof String message) {
      return message;
    }
    String detail = detail();
    int colon = detail.indexOf(": ");
    return colon < 0 ? "" : detail.substring(colon + 2);
  }

  /** The remote stack trace as the worker printed it, {@code ""} if the fault carried none. */
  public String remoteTrace() {
    return fault().data().get("trace") instanceof String trace ? trace : "";
  }

  private String detail() {
    String message = fault().message();
    return message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
  }
}
