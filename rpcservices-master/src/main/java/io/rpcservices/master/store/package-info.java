/**
 * The state store SPI: where the built-in services keep stacks, storage parameters and provider
 * clients, and {@link io.rpcservices.master.store.InMemoryStateStore}, the store that keeps them in
 * memory.
 *
 * <p>A store offers small operations, each atomic on its own; the services build waiting, leases
 * and wake-ups on top of them. Values are objects of the value model (DESIGN.md, "Values") and are
 * treated as immutable once handed to a store.
 */
@NullMarked
package io.rpcservices.master.store;

import org.jspecify.annotations.NullMarked;
