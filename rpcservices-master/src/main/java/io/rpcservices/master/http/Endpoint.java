package io.rpcservices.master.http;

import io.netty.buffer.ByteBuf;
import io.rpcservices.master.CallContext;
import java.util.concurrent.CompletableFuture;

/** One RPC protocol over HTTP: turns a request body into the body of its answer. */
interface Endpoint {
  /**
   * The answer to the request in {@code body}, which this method releases. The future always
   * completes with a body, empty when the request needs no answer (JSON-RPC notifications), unless
   * it is cancelled, which cancels the calls.
   */
  CompletableFuture<byte[]> call(ByteBuf body, CallContext context);

  /** The Content-Type of answers. */
  String contentType();
}
