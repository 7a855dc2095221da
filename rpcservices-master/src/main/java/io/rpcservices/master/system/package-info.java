/**
 * The services every master has: {@code system.*} (introspection, multicall, capabilities) and
 * {@code master.*} (ping, info). They register like any user service.
 */
@NullMarked
package io.rpcservices.master.system;

import org.jspecify.annotations.NullMarked;
