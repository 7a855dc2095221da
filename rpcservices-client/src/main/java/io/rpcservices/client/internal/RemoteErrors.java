package io.rpcservices.client.internal;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fault that reports an exception thrown by an exported method to the caller: 402 {@code
 * RemoteError: <class>: <message>} with {@code data = {type, exception, message, trace}}. A {@link
 * FaultException} is answered with its own fault instead, so that a method can choose its fault.
 */
final class RemoteErrors {
  /** Traces longer than this are cut, so that a deep recursion does not make a huge answer. */
  private static final int MAX_TRACE_CHARS = 32 * 1024;

  private RemoteErrors() {}

  /** The fault for {@code thrown}. */
  static Fault of(Throwable thrown) {
    if (thrown instanceof FaultException fault) {
      return fault.fault();
    }
    String type = thrown.getClass().getName();
    String message = thrown.getMessage();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("exception", type);
    data.put("message", message == null ? "" : message);
    data.put("trace", trace(thrown));
    return Fault.of(FaultCode.REMOTE_ERROR, message == null ? type : type + ": " + message, data);
  }

  private static String trace(Throwable thrown) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      thrown.printStackTrace(out);
    }
    String trace = text.toString();
    return trace.length() <= MAX_TRACE_CHARS ? trace : trace.substring(0, MAX_TRACE_CHARS) + "...";
  }
}
