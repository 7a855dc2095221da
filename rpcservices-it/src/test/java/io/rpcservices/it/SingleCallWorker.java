package io.rpcservices.it;

import io.rpcservices.client.Worker;
import io.rpcservices.examples.exchange.MathService;

/** A worker of the example's {@code math} service that runs one call at a time, for the tests. */
public final class SingleCallWorker {
  private SingleCallWorker() {}

  /** Connects to the master at {@code args[0]}. */
  public static void main(String[] args) throws InterruptedException {
    Worker.builder()
        .url(args[0])
        .concurrency(1)
        .build()
        .export("math", new MathService(), "web-services")
        .await();
  }
}
