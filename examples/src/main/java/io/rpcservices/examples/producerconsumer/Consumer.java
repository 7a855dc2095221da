package io.rpcservices.examples.producerconsumer;

import io.rpcservices.client.RpcClient;
import io.rpcservices.client.Stack;
import io.rpcservices.client.StackIndexError;

/**
 * Pops the stack {@code in} until it is empty.
 *
 * <pre>{@code
 * java ... io.rpcservices.examples.producerconsumer.Consumer [url]
 * }</pre>
 */
public final class Consumer {
  private Consumer() {}

  /** Connects to the master at {@code args[0]}, {@code http://localhost:8000} by default. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8000";
    RpcClient client = RpcClient.connect(url);
    Stack in = client.stack().createStack("in");
    try {
      while (true) {
        System.out.println("popped " + in.pop());
      }
    } catch (StackIndexError e) {
      System.out.println("stack in is empty: " + e.getMessage());
    }
  }
}
