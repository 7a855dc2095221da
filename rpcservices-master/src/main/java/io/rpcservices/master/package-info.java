/** The master: hosts services and serves them over HTTP as XML-RPC (and JSON-RPC). */
@NullMarked
package io.rpcservices.master;

import org.jspecify.annotations.NullMarked;
