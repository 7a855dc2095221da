/** The built-in {@code stack} service: named LIFO stacks, waiting pops and reliable pops. */
@NullMarked
package io.rpcservices.master.service.stack;

import org.jspecify.annotations.NullMarked;
