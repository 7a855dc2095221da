package io.rpcservices.bench;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** The calls one load connection makes: set-up calls once, then a cycle repeated until the end. */
enum Workload {
  /**
   * {@code stack.push} then {@code stack.pop} on a stack of the connection's own; each call counts.
   */
  STACK("stack.push + stack.pop") {
    @Override
    List<ByteBuf> setup(Endpoint endpoint, int connection) {
      return List.of(XmlRpcRequests.encode(endpoint, "stack.create", stackName(connection)));
    }

    @Override
    List<ByteBuf> cycle(Endpoint endpoint, int connection) {
      String stack = stackName(connection);
      return List.of(
          XmlRpcRequests.encode(endpoint, "stack.push", stack, "item-" + connection),
          XmlRpcRequests.encode(endpoint, "stack.pop", stack));
    }
  },

  /** The trivial method, {@code master.ping()} answering {@code "pong"}. */
  PING("master.ping") {
    @Override
    List<ByteBuf> setup(Endpoint endpoint, int connection) {
      return List.of();
    }

    @Override
    List<ByteBuf> cycle(Endpoint endpoint, int connection) {
      return List.of(XmlRpcRequests.encode(endpoint, "master.ping"));
    }
  };

  private final String label;

  Workload(String label) {
    this.label = label;
  }

  /** How the workload shows in reports. */
  String label() {
    return label;
  }

  /** Calls made once per connection before the cycle starts; never measured. */
  abstract List<ByteBuf> setup(Endpoint endpoint, int connection);

  /** Calls repeated in order for the whole run. */
  abstract List<ByteBuf> cycle(Endpoint endpoint, int connection);

  private static String stackName(int connection) {
    return "bench-" + connection;
  }
}
