/** Test support: {@link io.rpcservices.testing.MasterExtension} runs a real master for a test. */
@NullMarked
package io.rpcservices.testing;

import org.jspecify.annotations.NullMarked;
