/**
 * Internal: rules the worker client and the master share for serving Java objects over the wire
 * (which methods of an object are served, XML-RPC type names, wire value to parameter conversion).
 * Public only so both modules can use them; not for application code, and may change at any time.
 */
@NullMarked
package io.rpcservices.protocol.internal;

import org.jspecify.annotations.NullMarked;
