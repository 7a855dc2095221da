package io.rpcservices.master.store.durable;

/** A dump that is not what {@link StateDump#write} writes. */
public final class DumpFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DumpFormatException(String message) {
    super(message);
  }
}
