package io.rpcservices.master.store;

import org.jspecify.annotations.Nullable;

/**
 * A value found in a store. Stores return {@code null} for "nothing there" and a {@code
 * StoredValue} otherwise, because {@code null} (nil) is itself a value that can be stored.
 *
 * @param value the value, {@code null} for nil
 */
public record StoredValue(@Nullable Object value) {}
