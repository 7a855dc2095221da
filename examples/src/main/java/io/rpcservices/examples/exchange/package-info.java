/**
 * The exchange example (the netsvc seed's): {@link io.rpcservices.examples.exchange.MathWorker}
 * exports a {@link io.rpcservices.examples.exchange.MathService} as the service {@code math} in the
 * group {@code web-services}; start as many as you like, and the master spreads the calls over
 * them. {@link io.rpcservices.examples.exchange.MathClient} calls it through the master and through
 * the group's XML-RPC gateway {@code /groups/web-services/RPC2}; {@code
 * examples/python/math_client.py} does the same from Python.
 */
@NullMarked
package io.rpcservices.examples.exchange;

import org.jspecify.annotations.NullMarked;
