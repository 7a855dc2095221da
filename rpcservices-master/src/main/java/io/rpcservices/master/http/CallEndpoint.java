package io.rpcservices.master.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.rpcservices.master.CallContext;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * What both RPC protocols over HTTP do with a request body: decode it into a message, run its calls
 * and encode the answer, without blocking the event loop that received it.
 *
 * <p>A small body (at most {@link #INLINE_DECODE_BYTES}) is decoded on the event loop; its calls
 * run there too when they cannot block ({@link #neverBlocks}: calls to workers, which are only
 * routed), else on the call executor. A larger body is decoded on the call executor. The answer is
 * encoded on the thread that completes the call, and a call that answers later (a {@link
 * java.util.concurrent.CompletionStage}) holds no thread while it waits.
 *
 * @param <M> a decoded request body
 * @param <R> the answer to one, before encoding
 */
abstract class CallEndpoint<M, R> implements Endpoint {
  /** The largest body decoded on the event loop. */
  static final int INLINE_DECODE_BYTES = 16 * 1024;

  /** The method name the log gives a call that could not be decoded. */
  static final String UNDECODED_REQUEST = "(undecoded request)";

  private final Executor executor;

  CallEndpoint(Executor executor) {
    this.executor = executor;
  }

  /**
   * The encoded answer to the request in {@code body}, which this method releases. The future
   * always completes with a body (a fault if anything fails), unless it is cancelled, which cancels
   * the calls.
   */
  @Override
  public final CompletableFuture<byte[]> call(ByteBuf body, CallContext context) {
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    if (body.readableBytes() > INLINE_DECODE_BYTES) {
      execute(() -> decodeAndRun(body, context, answer), answer, body);
      return answer;
    }
    M message = decode(body, answer);
    if (message == null) {
      return answer;
    }
    if (neverBlocks(message, context)) {
      run(message, context, answer);
    } else {
      execute(() -> run(message, context, answer), answer, null);
    }
    return answer;
  }

  /** Decodes a request body; the stream is the body's, closed by the caller. */
  abstract M decode(InputStream in) throws IOException;

  /** The encoded answer to a body whose calls could not run: {@code fault}, for no method. */
  abstract byte[] encodeFault(Fault fault);

  /** Whether all the calls of {@code message} run without blocking the thread that starts them. */
  abstract boolean neverBlocks(M message, CallContext context);

  /** Runs the calls of {@code message}; the future never fails. Cancelling it cancels the calls. */
  abstract CompletableFuture<R> run(M message, CallContext context);

  /** The encoded {@code response} to {@code message}. */
  abstract byte[] encode(M message, R response);

  /**
   * The answer to a body that could not be decoded or run: a decoding error's own fault, else an
   * InternalError whose cause goes to the log.
   */
  private byte[] undecodable(Throwable failure) {
    return encodeFault(
        failure instanceof ProtocolException e
            ? e.toFault()
            : Dispatcher.toFault(UNDECODED_REQUEST, failure));
  }

  private void decodeAndRun(ByteBuf body, CallContext context, CompletableFuture<byte[]> answer) {
    M message = decode(body, answer);
    if (message != null) {
      run(message, context, answer);
    }
  }

  /** The decoded {@code body}, which this method releases; null once {@code answer} has a fault. */
  private @Nullable M decode(ByteBuf body, CompletableFuture<byte[]> answer) {
    if (answer.isDone()) {
      body.release();
      return null;
    }
    try (InputStream in = new ByteBufInputStream(body, true)) {
      return decode(in);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // Every request gets an answer, even one that broke the decoder.
      answer.complete(undecodable(e));
      return null;
    }
  }

  private void run(M message, CallContext context, CompletableFuture<byte[]> answer) {
    if (answer.isDone()) {
      return;
    }
    CompletableFuture<R> response = run(message, context);
    if (response.isDone()) {
      answer.complete(encode(message, response.join()));
      return;
    }
    answer.whenComplete(
        (value, error) -> {
          if (answer.isCancelled()) {
            response.cancel(false);
          }
        });
    response.thenAccept(r -> answer.complete(encode(message, r)));
  }

  private void execute(
      Runnable task, CompletableFuture<byte[]> answer, @Nullable ByteBuf undecoded) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      if (undecoded != null) {
        undecoded.release();
      }
      answer.complete(undecodable(e));
    }
  }
}
