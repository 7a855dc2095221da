package io.rpcservices.master;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a service method may know about the call it serves. A service method that declares a
 * parameter of this type gets it from the dispatcher; it does not count as a wire parameter.
 *
 * <pre>{@code
 * public boolean login(CallContext call, String name) { ... call.remoteAddress() ... }
 * }</pre>
 *
 * @param remoteAddress the caller's IP address as text, such as {@code 127.0.0.1}
 * @param deadline when the caller stops waiting: from the JSON-RPC request member {@code timeout}
 *     or the {@code X-Rpc-Timeout} header, else the master's call timeout. Calls to remote services end with fault 401 when it passes; built-in
 *     services keep their own waits.
 * @param peer the WebSocket session the call came over, or {@code null} for a call over HTTP
 * @param group the group whose gateway the call came through ({@code /groups/<group>/...}), or
 *     {@code null} for the master's own endpoints; a call through a gateway sees only that group's
 *     services
 */
public record CallContext(
    String remoteAddress, Deadline deadline, @Nullable Peer peer, @Nullable String group) {

  /** The default call deadline of DESIGN.md, for contexts made without one. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** A context for a call over HTTP from {@code remoteAddress}, with a 30 s deadline from now. */
  public CallContext(String remoteAddress) {
    this(remoteAddress, Deadline.after(DEFAULT_TIMEOUT), null, null);
  }

  /** This context with {@code other} as its deadline. */
  public CallContext withDeadline(Deadline other) {
    return new CallContext(remoteAddress, other, peer, group);
  }
}
