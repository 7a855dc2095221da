/**
 * The master's HTTP/1.1 front end on Netty: routing, limits, keep-alive, pipelining and the
 * hand-off of calls from the event loop to the call executor. Used by {@link
 * io.rpcservices.master.Master}; not meant for application code.
 */
@NullMarked
package io.rpcservices.master.http;

import org.jspecify.annotations.NullMarked;
