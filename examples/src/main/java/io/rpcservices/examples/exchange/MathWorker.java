package io.rpcservices.examples.exchange;

import io.rpcservices.client.Worker;

/**
 * Exports {@link MathService} as {@code math} in the group {@code web-services}, until the master
 * stops it ({@code rpcservices call mgt.kill <wid>}) or the process ends (Ctrl-C lets the calls in
 * flight finish).
 *
 * <pre>{@code
 * java ... io.rpcservices.examples.exchange.MathWorker [url]
 * }</pre>
 */
public final class MathWorker {
  private MathWorker() {}

  /** Connects to the master at {@code args[0]}, {@code http://localhost:8000} by default. */
  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "http://localhost:8000";
    Worker.connect(url).export("math", new MathService(), "web-services").await();
  }
}
