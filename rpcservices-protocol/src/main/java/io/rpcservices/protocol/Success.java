package io.rpcservices.protocol;

import org.jspecify.annotations.Nullable;

/**
 * A successful call's result.
 *
 * @param value the result, a value of the table in DESIGN.md ("Values"); {@code null} is sent as
 *     {@code <nil/>}
 */
public record Success(@Nullable Object value) implements RpcResponse {}
