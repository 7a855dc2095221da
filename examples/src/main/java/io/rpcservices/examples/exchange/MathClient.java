package io.rpcservices.examples.exchange;

import io.rpcservices.client.RemoteError;
import io.rpcservices.client.RpcClient;
import java.util.concurrent.CompletableFuture;

/**
 * Calls the {@code math} service of {@link MathWorker}: directly, through a typed proxy,
 * asynchronously, with an argument it refuses, and through the group's XML-RPC gateway.
 *
 * <pre>{@code
 * java ... io.rpcservices.examples.exchange.MathClient [url]
 * }</pre>
 */
public final class MathClient {
  private MathClient() {}

  /** The {@code math} service as a Java interface. */
  public interface MathApi {
    /** Multiplies {@code x} by {@code y}. */
    int multiply(int x, int y);

    /** The natural logarithm of {@code x}. */
    double log(double x);
  }

  /** Connects to the master at {@code args[0]}, {@code http://localhost:8000} by default. */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://localhost:8000";
    try (RpcClient client = RpcClient.connect(url)) {
      System.out.println("math.multiply(6, 7) = " + client.call("math.multiply", 6, 7));

      MathApi math = client.create("math", MathApi.class);
      System.out.println("math.log(1) = " + math.log(1));

      CompletableFuture<Object> later = client.callAsync("math.multiply", 6, 7);
      System.out.println("async math.multiply(6, 7) = " + later.get());

      try {
        math.log(-1);
      } catch (RemoteError e) {
        System.out.println(
            "math.log(-1) threw " + e.remoteType() + " on the worker: " + e.remoteMessage());
      }
    }
    // The gateway of the group web-services exposes only the services of that group.
    try (RpcClient gateway = RpcClient.connect(url + "/groups/web-services/RPC2")) {
      System.out.println(
          "via the gateway: math.multiply(6, 7) = " + gateway.call("math.multiply", 6, 7));
    }
  }
}
