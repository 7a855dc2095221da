/**
 * The {@code rpcservices} command line: {@code master} runs a master, {@code call} calls one
 * method, {@code monitor} shows clients, stacks and storages. It only wires the public APIs of the
 * master and the client together and prints their results.
 */
@NullMarked
package io.rpcservices.cli;

import org.jspecify.annotations.NullMarked;
