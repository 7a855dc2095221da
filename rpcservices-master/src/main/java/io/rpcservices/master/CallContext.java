package io.rpcservices.master;

/**
 * What a service method may know about the call it serves. A service method that declares a
 * parameter of this type gets it from the dispatcher; it does not count as a wire parameter.
 *
 * <pre>{@code
 * public boolean login(CallContext call, String name) { ... call.remoteAddress() ... }
 * }</pre>
 *
 * @param remoteAddress the caller's IP address as text, such as {@code 127.0.0.1}
 */
public record CallContext(String remoteAddress) {}
