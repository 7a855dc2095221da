package io.rpcservices.client.internal;

import io.rpcservices.client.TransportException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what the JDK's HTTP and WebSocket clients fail with into the client's exceptions. */
final class Failures {

  private Failures() {}

  /** {@code failure} without the wrappers that futures add. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * The {@link TransportException} for {@code failure}: one already in its causes, else a new one
   * whose message is {@code where} and the problem.
   */
  static TransportException translate(Throwable failure, String where) {
    Throwable cause = unwrap(failure);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TransportException transport) {
        return transport;
      }
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return new TransportException(where + "cannot connect", cause);
      }
    }
    String detail = cause.getMessage();
    return new TransportException(
        where + (detail == null ? cause.getClass().getSimpleName() : detail), cause);
  }
}
