package io.rpcservices.bench;

import io.rpcservices.master.Master;

/** Our master as a server under test: defaults, loopback, a free port. */
final class MasterServer implements RunningServer {
  private final Master master;

  private MasterServer(Master master) {
    this.master = master;
  }

  /** Starts a master on 127.0.0.1 and a free port. */
  static MasterServer start() {
    return new MasterServer(Master.builder().host("127.0.0.1").port(0).build().start());
  }

  @Override
  public int port() {
    return master.port();
  }

  @Override
  public String path() {
    return "/RPC2";
  }

  @Override
  public void close() {
    master.close();
  }
}
