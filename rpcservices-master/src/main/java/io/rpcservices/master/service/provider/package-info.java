/** The built-in {@code provider} service: client registry, monitoring and messages. */
@NullMarked
package io.rpcservices.master.service.provider;

import org.jspecify.annotations.NullMarked;
