package io.rpcservices.master.http;

import io.rpcservices.master.CallContext;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Serves JSON-RPC 2.0 bodies of {@code POST /jsonrpc}. A body that is not JSON, or too large, is
 * answered with one error whose id is {@code null}; a body of notifications only gets no answer.
 */
final class JsonRpcEndpoint extends CallEndpoint<JsonRpcMessage, Optional<JsonRpcMessage>> {
  private static final byte[] NO_ANSWER = new byte[0];

  private final JsonRpcCalls calls;

  JsonRpcEndpoint(JsonRpcCalls calls, Executor executor) {
    super(executor);
    this.calls = calls;
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  JsonRpcMessage decode(InputStream in) {
    return calls.codec().decodeRequest(in);
  }

  @Override
  byte[] encodeFault(Fault fault) {
    return calls.encode(new JsonRpcMessage.Response(JsonRpcId.NULL, fault));
  }

  @Override
  boolean neverBlocks(JsonRpcMessage message, CallContext context) {
    return calls.neverBlocks(message, context);
  }

  @Override
  CompletableFuture<Optional<JsonRpcMessage>> run(JsonRpcMessage message, CallContext context) {
    return calls.answer(message, context);
  }

  @Override
  byte[] encode(JsonRpcMessage message, Optional<JsonRpcMessage> response) {
    return response.map(calls::encode).orElse(NO_ANSWER);
  }
}
