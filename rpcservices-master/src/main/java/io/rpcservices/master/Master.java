package io.rpcservices.master;

import io.rpcservices.master.store.StateStore;
import io.rpcservices.protocol.Limits;
import java.time.Duration;

/**
 * A master process: hosts services and serves them on {@code /RPC2} and {@code /} (XML-RPC) and
 * {@code GET /health}.
 *
 * <pre>{@code
 * try (Master master = Master.builder().port(8000).service("math", new MathService()).build().start()) {
 *   master.awaitClose();
 * }
 * }</pre>
 */
public final class Master implements AutoCloseable {
  // Implementation owned by the front end / dispatcher work: fields and bodies to be filled in.

  Master() {}

  /** A builder with the defaults of DESIGN.md: 127.0.0.1:8000, in-memory state. */
  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port and starts serving; returns this master. */
  public Master start() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The port the master listens on (the bound one when built with port 0). */
  public int port() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The base URL, such as {@code http://127.0.0.1:8000}. */
  public String url() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Stops taking connections, closes the open ones and releases the state store. */
  @Override
  public void close() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Builds a {@link Master}. */
  public static final class Builder {
    Builder() {}

    /** The address to bind, {@code 127.0.0.1} by default. */
    public Builder host(String host) {
      throw new UnsupportedOperationException("not yet");
    }

    /** The port to bind, 8000 by default; 0 picks a free one. */
    public Builder port(int port) {
      throw new UnsupportedOperationException("not yet");
    }

    /** Registers {@code service}'s public methods as {@code name.<method>}. */
    public Builder service(String name, Object service) {
      throw new UnsupportedOperationException("not yet");
    }

    /** How long a provider client may go without a visit, 600 s by default. */
    public Builder clientTimeout(Duration clientTimeout) {
      throw new UnsupportedOperationException("not yet");
    }

    /** Where the built-in services keep their state, in memory by default. */
    public Builder stateStore(StateStore stateStore) {
      throw new UnsupportedOperationException("not yet");
    }

    /** Limits on request bodies, nesting, element counts and strings. */
    public Builder limits(Limits limits) {
      throw new UnsupportedOperationException("not yet");
    }

    /** How long a connection may stay idle or stall mid-request before it is closed. */
    public Builder idleTimeout(Duration idleTimeout) {
      throw new UnsupportedOperationException("not yet");
    }

    /** The master, not yet started. */
    public Master build() {
      throw new UnsupportedOperationException("not yet");
    }
  }
}
