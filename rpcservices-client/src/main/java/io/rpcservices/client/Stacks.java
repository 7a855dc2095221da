package io.rpcservices.client;

import java.time.Duration;
import java.util.List;

/**
 * The stack service: named LIFO stacks of any values, shared by every client of a master.
 *
 * <pre>{@code
 * Stack stack = client.stack().createStack("in");
 * }</pre>
 */
public final class Stacks {
  private final RpcClient client;

  Stacks(RpcClient client) {
    this.client = client;
  }

  /** Creates the stack {@code name} if it does not exist yet, and returns its stub. */
  public Stack createStack(String name) {
    return new Stack(
        client, client.invoke("stack.create", v -> Values.toText(v, "stack.create"), name));
  }

  /** Whether the stack {@code name} exists. */
  public boolean hasStack(String name) {
    return client.invoke("stack.hasStack", v -> Values.toBoolean(v, "stack.hasStack"), name);
  }

  /** The names of all stacks. */
  public List<String> getAllNames() {
    return client.invoke("stack.getAllNames", v -> Values.toTextArray(v, "stack.getAllNames"));
  }

  /** This service with {@code timeout} as the deadline of its calls and of the stacks it makes. */
  public Stacks withTimeout(Duration timeout) {
    return new Stacks(client.withTimeout(timeout));
  }
}
