package io.rpcservices.master.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.rpcservices.master.CallContext;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.ProtocolException;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.XmlRpcCodec;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves one XML-RPC body off the event loop: decodes it, dispatches the call and encodes the
 * answer, all on the call executor. A call that answers later (a {@link
 * java.util.concurrent.CompletionStage}) holds no thread while it waits.
 */
final class XmlRpcEndpoint implements Endpoint {
  private static final System.Logger LOGGER = System.getLogger(XmlRpcEndpoint.class.getName());
  private static final String UNKNOWN_METHOD = "(undecoded request)";

  private final XmlRpcCodec codec;
  private final Dispatcher dispatcher;
  private final Executor executor;

  XmlRpcEndpoint(XmlRpcCodec codec, Dispatcher dispatcher, Executor executor) {
    this.codec = codec;
    this.dispatcher = dispatcher;
    this.executor = executor;
  }

  /**
   * The encoded {@code methodResponse} for the {@code methodCall} in {@code body}, which this
   * method releases. The future always completes with a body (a fault if anything fails), unless it
   * is cancelled, which cancels the call.
   */
  @Override
  public CompletableFuture<byte[]> call(ByteBuf body, CallContext context) {
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    try {
      executor.execute(() -> serve(body, context, answer));
    } catch (RejectedExecutionException e) {
      body.release();
      answer.complete(encode(Dispatcher.toFault(UNKNOWN_METHOD, e), UNKNOWN_METHOD));
    }
    return answer;
  }

  @Override
  public String contentType() {
    return "text/xml; charset=utf-8";
  }

  private void serve(ByteBuf body, CallContext context, CompletableFuture<byte[]> answer) {
    if (answer.isDone()) {
      body.release();
      return;
    }
    RpcRequest request;
    try (InputStream in = new ByteBufInputStream(body, true)) {
      request = codec.decodeRequest(in);
    } catch (ProtocolException e) {
      answer.complete(encode(e.toFault(), UNKNOWN_METHOD));
      return;
    } catch (Exception | StackOverflowError e) {
      // Every request gets an answer, even one that broke the decoder.
      answer.complete(encode(Dispatcher.toFault(UNKNOWN_METHOD, e), UNKNOWN_METHOD));
      return;
    }
    String method = request.method();
    CompletableFuture<RpcResponse> response = dispatcher.dispatch(request, context);
    if (response.isDone()) {
      answer.complete(encode(response.join(), method));
      return;
    }
    answer.whenComplete(
        (value, error) -> {
          if (answer.isCancelled()) {
            response.cancel(false);
          }
        });
    response.thenAcceptAsync(r -> answer.complete(encode(r, method)), executor);
  }

  private byte[] encode(RpcResponse response, String method) {
    try {
      return codec.encodeResponse(response);
    } catch (RuntimeException e) {
      LOGGER.log(Level.ERROR, "cannot encode the answer of " + method, e);
      return codec.encodeResponse(Fault.of(FaultCode.INTERNAL_ERROR, "internal error"));
    }
  }
}
