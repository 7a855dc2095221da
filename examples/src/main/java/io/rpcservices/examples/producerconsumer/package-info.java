/**
 * The producer-consumer example: {@link io.rpcservices.examples.producerconsumer.MasterMain} runs a
 * master, {@link io.rpcservices.examples.producerconsumer.Producer} pushes ten numbers on the stack
 * {@code in}, {@link io.rpcservices.examples.producerconsumer.Consumer} pops them until the stack
 * is empty. {@code examples/python} holds the same producer and consumer in Python.
 */
@NullMarked
package io.rpcservices.examples.producerconsumer;

import org.jspecify.annotations.NullMarked;
