package io.rpcservices.master.store.durable;

/**
 * A data directory that a {@link DurableStateStore} refuses to open: in use by another process,
 * corrupt, from a newer version, or holding something else. The message says which and what to do;
 * the directory is left as it was.
 */
public final class DataDirectoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DataDirectoryException(String message) {
    super(message);
  }

  DataDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
