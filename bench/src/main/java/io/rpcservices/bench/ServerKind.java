package io.rpcservices.bench;

/** The servers under test. */
enum ServerKind {
  /** Our master with its built-in services, in-memory state. */
  RPCSERVICES("rpcservices master"),

  /** Apache ws-xmlrpc 3.1.3 with its own {@code WebServer}, keep-alive on. */
  APACHE("Apache ws-xmlrpc 3.1.3");

  private final String label;

  ServerKind(String label) {
    this.label = label;
  }

  /** How the server shows in reports. */
  String label() {
    return label;
  }

  /** Starts the server in this process on a free loopback port. */
  RunningServer start() throws Exception {
    return switch (this) {
      case RPCSERVICES -> MasterServer.start();
      case APACHE -> ApacheServer.start();
    };
  }
}
