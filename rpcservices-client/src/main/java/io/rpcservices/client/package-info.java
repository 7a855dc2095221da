/**
 * The Java client: {@link io.rpcservices.client.RpcClient}, the stubs of the built-in services
 * ({@link io.rpcservices.client.Stack}, {@link io.rpcservices.client.Storage}, {@link
 * io.rpcservices.client.Provider}), typed proxies from interfaces, batches and the exceptions a
 * call raises.
 */
@NullMarked
package io.rpcservices.client;

import org.jspecify.annotations.NullMarked;
