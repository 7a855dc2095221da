package io.rpcservices.master.http;

import io.rpcservices.protocol.Limits;
import java.time.Duration;

/**
 * How a {@link MasterServer} listens and treats its connections.
 *
 * @param host the address to bind
 * @param port the port to bind, 0 for a free one
 * @param idleTimeout how long an HTTP connection may be idle, or stall in a request, before it
 *     closes
 * @param callTimeout the deadline of calls that do not send {@code X-Rpc-Timeout}, and of calls
 *     over the WebSocket
 * @param heartbeatTimeout how long a WebSocket session may send nothing before it is closed
 * @param limits the body cap (also of WebSocket messages) and the codecs' limits
 */
public record ServerOptions(
    String host,
    int port,
    Duration idleTimeout,
    Duration callTimeout,
    Duration heartbeatTimeout,
    Limits limits) {}
