package io.rpcservices.bench;

/** Where a server under test takes XML-RPC POSTs. */
record Endpoint(String host, int port, String path) {

  /** The {@code Host} header value. */
  String authority() {
    return host + ":" + port;
  }
}
