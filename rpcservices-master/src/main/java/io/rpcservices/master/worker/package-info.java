/**
 * Remote services: pools of worker processes that register over the WebSocket {@code /ws} and serve
 * calls that the master forwards to them ({@code docs/REMOTE-SERVICES.md}), and the {@code worker}
 * and {@code mgt} services that register and manage them.
 */
@NullMarked
package io.rpcservices.master.worker;

import org.jspecify.annotations.NullMarked;
