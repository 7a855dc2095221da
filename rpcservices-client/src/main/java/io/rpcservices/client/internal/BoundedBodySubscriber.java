package io.rpcservices.client.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body of at most {@code maxBytes}. Bytes are counted as they arrive: one past
 * the limit cancels the subscription (which closes the connection) and fails the body, so an
 * oversized reply is never buffered whole.
 */
final class BoundedBodySubscriber implements BodySubscriber<byte[]> {
  private final long maxBytes;
  private final Supplier<RuntimeException> tooLarge;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  // Written by the HttpClient's thread in onSubscribe, read by abort() on the timer thread.
  private volatile Flow.@Nullable Subscription subscription;

  BoundedBodySubscriber(long maxBytes, Supplier<RuntimeException> tooLarge) {
    this.maxBytes = maxBytes;
    this.tooLarge = tooLarge;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (body.isDone()) {
      subscription.cancel();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if ((long) received.size() + buffer.remaining() > maxBytes) {
        fail(tooLarge.get());
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      received.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    body.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    body.complete(received.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  /** Stops reading: the deadline passed or the caller gave up. */
  void abort() {
    fail(new CancellationException("aborted"));
  }

  private void fail(RuntimeException failure) {
    body.completeExceptionally(failure);
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
