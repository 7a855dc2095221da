package io.rpcservices.master.store;

/**
 * Thrown by a store operation on a stack, storage or client that does not exist. The services turn
 * it into the matching fault (101, 201 or 300).
 */
public final class NameNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String name;

  /** An exception for the missing {@code name}. */
  public NameNotFoundException(String name) {
    // No stack trace: this is an expected answer, not a bug, and may be frequent.
    super("no entry named '" + name + "'", null, false, false);
    this.name = name;
  }

  /** The name that was not found. */
  public String name() {
    return name;
  }
}
