package io.rpcservices.master.http;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.Deadline;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers decoded JSON-RPC 2.0 messages, for {@code POST /jsonrpc} and the WebSocket alike:
 * requests get a response, notifications none, invalid entries an InvalidRequest error, and a batch
 * an array of the responses its entries need (none at all when it holds only notifications). The
 * entries of a batch run at once; their responses keep the batch's order. A request with the
 * extension member {@code timeout} (seconds) gets that as its deadline instead of the context's.
 */
final class JsonRpcCalls {
  private static final System.Logger LOGGER = System.getLogger(JsonRpcCalls.class.getName());

  private final Dispatcher dispatcher;
  private final JsonRpcCodec codec;

  JsonRpcCalls(Dispatcher dispatcher, JsonRpcCodec codec) {
    this.dispatcher = dispatcher;
    this.codec = codec;
  }

  /** The codec that reads requests and writes answers. */
  JsonRpcCodec codec() {
    return codec;
  }

  /**
   * The answer to {@code message}: a call, an invalid entry or a batch of these (responses in it
   * are ignored). The future never fails; it is empty when nothing must be answered. Cancelling it
   * cancels the calls.
   */
  CompletableFuture<Optional<JsonRpcMessage>> answer(JsonRpcMessage message, CallContext context) {
    if (!(message instanceof JsonRpcMessage.Batch batch)) {
      return answerEntry(message, context);
    }
    List<CompletableFuture<Optional<JsonRpcMessage>>> entries = new ArrayList<>();
    batch.messages().forEach(entry -> entries.add(answerEntry(entry, context)));
    CompletableFuture<Optional<JsonRpcMessage>> answer =
        CompletableFuture.allOf(entries.toArray(CompletableFuture<?>[]::new))
            .thenApply(
                done -> {
                  List<JsonRpcMessage> responses = new ArrayList<>();
                  entries.forEach(entry -> entry.join().ifPresent(responses::add));
                  return responses.isEmpty()
                      ? Optional.empty()
                      : Optional.of(new JsonRpcMessage.Batch(responses));
                });
    answer.whenComplete(
        (value, error) -> {
          if (answer.isCancelled()) {
            entries.forEach(entry -> entry.cancel(false));
          }
        });
    return answer;
  }

  /**
   * Whether the calls of {@code message} run without blocking the thread that starts them: those
   * that go to workers, which are only routed, and those answered at once with an error.
   */
  boolean neverBlocks(JsonRpcMessage message, CallContext context) {
    List<JsonRpcMessage> entries =
        message instanceof JsonRpcMessage.Batch batch ? batch.messages() : List.of(message);
    for (JsonRpcMessage entry : entries) {
      if (entry instanceof JsonRpcMessage.Call call
          && !dispatcher.neverBlocks(call.method(), context)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes an answer. A result that cannot be written (a type outside the value table) becomes an
   * InternalError in its place, and the cause goes to the log.
   */
  byte[] encode(JsonRpcMessage answer) {
    try {
      return codec.encode(answer);
    } catch (IllegalArgumentException e) {
      if (answer instanceof JsonRpcMessage.Batch batch) {
        List<JsonRpcMessage> entries = new ArrayList<>();
        batch.messages().forEach(entry -> entries.add(encodable(entry)));
        return codec.encode(new JsonRpcMessage.Batch(entries));
      }
      return codec.encode(encodable(answer));
    }
  }

  private JsonRpcMessage encodable(JsonRpcMessage entry) {
    try {
      codec.encode(entry);
      return entry;
    } catch (IllegalArgumentException e) {
      LOGGER.log(Level.ERROR, "cannot encode a JSON-RPC answer", e);
      JsonRpcMessage.Response response = (JsonRpcMessage.Response) entry;
      return new JsonRpcMessage.Response(
          response.id(), Fault.of(FaultCode.INTERNAL_ERROR, "internal error"));
    }
  }

  private CompletableFuture<Optional<JsonRpcMessage>> answerEntry(
      JsonRpcMessage entry, CallContext context) {
    if (entry instanceof JsonRpcMessage.Request request) {
      CompletableFuture<RpcResponse> call = call(request, withTimeout(context, request));
      CompletableFuture<Optional<JsonRpcMessage>> answer =
          call.thenApply(
              response -> Optional.of(new JsonRpcMessage.Response(request.id(), response)));
      answer.whenComplete(
          (value, error) -> {
            if (answer.isCancelled()) {
              call.cancel(false);
            }
          });
      return answer;
    }
    if (entry instanceof JsonRpcMessage.Notification notification) {
      // Nobody waits for a notification: it runs on, and its outcome is dropped.
      call(notification, context);
    } else if (entry instanceof JsonRpcMessage.Invalid invalid) {
      return CompletableFuture.completedFuture(Optional.of(invalid.toResponse()));
    }
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /** {@code context} with the request's own timeout (the extension member) as its deadline. */
  private static CallContext withTimeout(CallContext context, JsonRpcMessage.Request request) {
    Duration timeout = request.timeout();
    return timeout == null ? context : context.withDeadline(Deadline.after(timeout));
  }

  private CompletableFuture<RpcResponse> call(JsonRpcMessage.Call call, CallContext context) {
    if (call.params() instanceof JsonRpcParams.Named named) {
      return dispatcher.dispatchNamed(call.method(), named.values(), context);
    }
    List<Object> params = ((JsonRpcParams.Positional) call.params()).values();
    return dispatcher.dispatch(new RpcRequest(call.method(), params), context);
  }
}
