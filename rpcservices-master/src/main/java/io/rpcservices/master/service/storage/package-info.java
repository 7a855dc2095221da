/** The built-in {@code storage} service: named key/value stores of parameters. */
@NullMarked
package io.rpcservices.master.service.storage;

import org.jspecify.annotations.NullMarked;
