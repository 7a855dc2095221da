package io.rpcservices.examples.producerconsumer;

import io.rpcservices.master.Master;

/**
 * Runs a master on 127.0.0.1 until Ctrl-C.
 *
 * <pre>{@code
 * java ... io.rpcservices.examples.producerconsumer.MasterMain [port]
 * }</pre>
 */
public final class MasterMain {
  private MasterMain() {}

  /** Starts the master on the port in {@code args[0]}, 8000 by default. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    Master master = Master.builder().port(port).build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(master::close));
    master.awaitClose();
  }
}
