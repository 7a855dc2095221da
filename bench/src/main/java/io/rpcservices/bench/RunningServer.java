package io.rpcservices.bench;

/** A server under test, started in the current process. */
interface RunningServer extends AutoCloseable {

  /** The loopback port it listens on. */
  int port();

  /** The path that takes XML-RPC POSTs. */
  String path();

  /** Stops the server. */
  @Override
  void close();
}
