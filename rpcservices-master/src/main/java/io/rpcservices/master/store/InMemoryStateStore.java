package io.rpcservices.master.store;

/** A state store that keeps everything in memory: fast, and gone when the master stops. */
public final class InMemoryStateStore implements StateStore {
  @Override
  public String description() {
    return "memory";
  }

  @Override
  public void close() {}
}
