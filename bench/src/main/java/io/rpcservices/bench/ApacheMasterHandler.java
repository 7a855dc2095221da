package io.rpcservices.bench;

/** The {@code master} service for Apache ws-xmlrpc: the trivial {@code ping}. */
public final class ApacheMasterHandler {

  /** Answers {@code "pong"}. */
  public String ping() {
    return "pong";
  }
}
