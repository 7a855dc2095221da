package io.rpcservices.master.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.rpcservices.master.CallContext;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.ProtocolException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves one JSON-RPC 2.0 body of {@code POST /jsonrpc} off the event loop: decodes it, runs its
 * calls and encodes the answer, all on the call executor. A body that is not JSON, or too large, is
 * answered with one error whose id is {@code null}; a body of notifications only gets no answer.
 */
final class JsonRpcEndpoint implements Endpoint {
  private static final byte[] NO_ANSWER = new byte[0];

  private final JsonRpcCalls calls;
  private final Executor executor;

  JsonRpcEndpoint(JsonRpcCalls calls, Executor executor) {
    this.calls = calls;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<byte[]> call(ByteBuf body, CallContext context) {
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    try {
      executor.execute(() -> serve(body, context, answer));
    } catch (RejectedExecutionException e) {
      body.release();
      answer.complete(internalError(e));
    }
    return answer;
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  private void serve(ByteBuf body, CallContext context, CompletableFuture<byte[]> answer) {
    if (answer.isDone()) {
      body.release();
      return;
    }
    JsonRpcMessage message;
    try (InputStream in = new ByteBufInputStream(body, true)) {
      message = calls.codec().decodeRequest(in);
    } catch (ProtocolException e) {
      answer.complete(calls.encode(new JsonRpcMessage.Response(JsonRpcId.NULL, e.toFault())));
      return;
    } catch (Exception | StackOverflowError e) {
      // Every request gets an answer, even one that broke the decoder.
      answer.complete(internalError(e));
      return;
    }
    CompletableFuture<Optional<JsonRpcMessage>> response = calls.answer(message, context);
    if (response.isDone()) {
      answer.complete(encode(response.join()));
      return;
    }
    answer.whenComplete(
        (value, error) -> {
          if (answer.isCancelled()) {
            response.cancel(false);
          }
        });
    response.thenAcceptAsync(r -> answer.complete(encode(r)), executor);
  }

  private byte[] encode(Optional<JsonRpcMessage> response) {
    return response.map(calls::encode).orElse(NO_ANSWER);
  }

  private byte[] internalError(Throwable e) {
    return calls.encode(
        new JsonRpcMessage.Response(JsonRpcId.NULL, Dispatcher.toFault("(undecoded request)", e)));
  }
}
