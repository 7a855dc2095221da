/**
 * The durable state store: {@link io.rpcservices.master.store.durable.DurableStateStore} keeps the
 * master's stacks, storages and provider clients in an embedded RocksDB database under a data
 * directory, so that a master killed at any moment loses nothing it acknowledged; {@link
 * io.rpcservices.master.store.durable.StateDump} moves that state to and from JSON.
 */
@NullMarked
package io.rpcservices.master.store.durable;

import org.jspecify.annotations.NullMarked;
