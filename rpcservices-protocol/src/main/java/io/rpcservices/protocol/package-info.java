/**
 * The wire: the value model, {@link io.rpcservices.protocol.Fault faults} and their codes, and the
 * XML-RPC and JSON-RPC codecs. Nothing here knows about HTTP.
 */
@NullMarked
package io.rpcservices.protocol;

import org.jspecify.annotations.NullMarked;
