package io.rpcservices.master.store;

import java.util.concurrent.CompletableFuture;

/**
 * Where the built-in services keep their state: the SPI that durable and shared stores plug into.
 *
 * <p>The store is split by service into {@link StackStore}, {@link ParameterStore} and {@link
 * ClientStore}. Each of their methods is atomic on its own, and a mutation has taken effect when
 * the method returns; for a durable store it is durable once a {@link #durable()} future asked for
 * afterwards has completed, which the master waits for before it answers a call. Waiting callers,
 * timers and wake-ups live in the services, not in the store; a store only keeps data, including
 * the absolute deadline of every stack reservation so that leases survive a restart.
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

  /**
   * Completes once every mutation that returned before this call is durable. The master waits for
   * it before it writes an answer; so a store may write while the services hold their per-name
   * locks and let many callers share one sync to the disk afterwards (group commit). A store whose
   * mutations are durable when they return (or that keeps nothing) answers a completed future, as
   * this default does.
   */
  default CompletableFuture<Void> durable() {
    return CompletableFuture.completedFuture(null);
  }

  /** What store this is and where, for {@code master.info}, such as {@code memory}. */
  String description();

  /** Releases what the store holds open; the store is not used afterwards. */
  @Override
  void close();
}
