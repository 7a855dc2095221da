package io.rpcservices.master.store;

/**
 * A state store that keeps everything in memory: fast, and gone when the master stops. Safe for
 * concurrent use; each stack, storage and client has its own lock, so callers working on different
 * names never wait for each other.
 *
 * <pre>{@code
 * Master master = Master.builder().stateStore(new InMemoryStateStore()).build();
 * }</pre>
 */
public final class InMemoryStateStore implements StateStore {
  private final StackStore stacks = new MemoryStackStore();
  private final ParameterStore parameters = new MemoryParameterStore();
  private final ClientStore clients = new MemoryClientStore();

  /** An empty store. */
  public InMemoryStateStore() {}

  @Override
  public StackStore stacks() {
    return stacks;
  }

  @Override
  public ParameterStore parameters() {
    return parameters;
  }

  @Override
  public ClientStore clients() {
    return clients;
  }

  @Override
  public String description() {
    return "memory";
  }

  @Override
  public void close() {}
}
