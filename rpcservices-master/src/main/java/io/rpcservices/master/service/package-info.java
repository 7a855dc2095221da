/**
 * The built-in services {@code stack}, {@code storage} and {@code provider} (DESIGN.md, "Built-in
 * services"), created over one {@link io.rpcservices.master.store.StateStore} by {@link
 * io.rpcservices.master.service.BuiltInServices}.
 */
@NullMarked
package io.rpcservices.master.service;

import org.jspecify.annotations.NullMarked;
