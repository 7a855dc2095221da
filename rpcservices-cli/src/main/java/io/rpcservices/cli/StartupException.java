package io.rpcservices.cli;

/** A reason the master command cannot start, told to the user in one line. */
final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StartupException(String message) {
    super(message, null, false, false);
  }
}
