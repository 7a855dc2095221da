package io.rpcservices.master.store.durable;

/** A record in the engine that does not decode: the data directory is corrupt. */
final class CorruptRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CorruptRecordException(String message) {
    super(message);
  }
}
