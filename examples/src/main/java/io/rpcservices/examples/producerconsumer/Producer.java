package io.rpcservices.examples.producerconsumer;

import io.rpcservices.client.RpcClient;
import io.rpcservices.client.Stack;

/**
 * Pushes the numbers 0 to 9 on the stack {@code in}.
 *
 * <pre>{@code
 * java ... io.rpcservices.examples.producerconsumer.Producer [url]
 * }</pre>
 */
public final class Producer {
  private Producer() {}

  /** Connects to the master at {@code args[0]}, {@code http://localhost:8000} by default. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8000";
    RpcClient client = RpcClient.connect(url);
    Stack in = client.stack().createStack("in");
    for (int i = 0; i < 10; i++) {
      in.push(i);
      System.out.println("pushed " + i);
    }
  }
}
