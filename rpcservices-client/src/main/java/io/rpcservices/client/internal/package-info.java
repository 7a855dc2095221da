/** The client's HTTP transport; not public API. */
@NullMarked
package io.rpcservices.client.internal;

import org.jspecify.annotations.NullMarked;
