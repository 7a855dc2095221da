package io.rpcservices.protocol;

/** The outcome of one call: a {@link Success} carrying a value, or a {@link Fault}. */
public sealed interface RpcResponse permits Success, Fault {}
