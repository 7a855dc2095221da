/** Parts shared by the built-in services: waiting callers and argument checks. Not public API. */
@NullMarked
package io.rpcservices.master.service.internal;

import org.jspecify.annotations.NullMarked;
