package io.rpcservices.client.internal;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads none of a body that will not be used (an HTTP error page) and fails with a reason. */
final class RejectingBodySubscriber implements BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();

  RejectingBodySubscriber(RuntimeException reason) {
    body.completeExceptionally(reason);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.cancel();
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {}

  @Override
  public void onError(Throwable throwable) {}

  @Override
  public void onComplete() {}

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
