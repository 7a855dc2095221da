package io.rpcservices.client.internal;

import io.rpcservices.protocol.JsonRpcCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The settings that every service session of one worker shares.
 *
 * @param webSocket the master's {@code /ws}, such as {@code ws://127.0.0.1:8000/ws}
 * @param http the HTTP client that opens the WebSockets
 * @param codec reads and writes the messages, within the worker's limits
 * @param concurrency how many calls of each service run at once
 * @param heartbeat how often a session pings the master; one silent for three times as long is cut
 * @param backoffInitial the first wait before reconnecting
 * @param backoffMax the longest wait before reconnecting
 * @param host the host name the worker registers with
 * @param pid the process id the worker registers with
 */
public record WorkerOptions(
    URI webSocket,
    HttpClient http,
    JsonRpcCodec codec,
    int concurrency,
    Duration heartbeat,
    Duration backoffInitial,
    Duration backoffMax,
    String host,
    long pid) {}
