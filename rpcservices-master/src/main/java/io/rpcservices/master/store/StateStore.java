package io.rpcservices.master.store;

/**
 * Where the built-in services keep their state: the SPI that durable and shared stores plug into.
 *
 * <p>The store is split by service into {@link StackStore}, {@link ParameterStore} and {@link
 * ClientStore}. Each of their methods is atomic on its own, and a mutation has taken effect (and,
 * for a durable store, is durable) when the method returns. Waiting callers, timers and wake-ups
 * live in the services, not in the store; a store only keeps data, including the absolute deadline
 * of every stack reservation so that leases survive a restart.
 *
 * <p>The services call some operations (those that add stack items or messages) while holding a
 * lock of their own for that name, so that a waiting caller never misses an item; an operation must
 * therefore return promptly and never call back into a service. A store shared by several masters
 * will also need to tell the services of a master about items and messages added through another
 * master, so that its waiting callers wake up; that hook comes with the first shared store.
 *
 * <pre>{@code
 * try (StateStore store = new InMemoryStateStore()) {
 *   store.stacks().create("jobs");
 *   store.stacks().push("jobs", "job 1");
 * }
 * }</pre>
 */
public interface StateStore extends AutoCloseable {
  /** The named stacks of the {@code stack} service. */
  StackStore stacks();

  /** The named parameter storages of the {@code storage} service. */
  ParameterStore parameters();

  /** The logged-in clients of the {@code provider} service and their pending messages. */
  ClientStore clients();

  /** What store this is and where, for {@code master.info}, such as {@code memory}. */
  String description();

  /** Releases what the store holds open; the store is not used afterwards. */
  @Override
  void close();
}
