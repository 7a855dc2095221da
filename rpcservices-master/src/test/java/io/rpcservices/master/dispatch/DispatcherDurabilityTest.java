package io.rpcservices.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.TestService;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Answers wait until the state store says that what the call changed is durable. */
class DispatcherDurabilityTest {
  private static final CallContext CONTEXT = new CallContext("192.0.2.7");

  private final CompletableFuture<Void> durable = new CompletableFuture<>();
  private final Dispatcher dispatcher =
      new Dispatcher(
          new ServiceRegistry(List.of(ServiceModel.of("test", new TestService()))), () -> durable);

  @Test
  void answerWaitsUntilTheStoreIsDurable() throws Exception {
    CompletableFuture<RpcResponse> answer =
        dispatcher.dispatch(RpcRequest.of("test.add", 2, 3), CONTEXT);
    assertThat(answer).isNotDone();

    durable.complete(null);

    assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(new Success(5));
  }

  @Test
  void failedSyncAnswersInternalError() throws Exception {
    CompletableFuture<RpcResponse> answer =
        dispatcher.dispatch(RpcRequest.of("test.add", 2, 3), CONTEXT);

    durable.completeExceptionally(new UncheckedIOException(new IOException("disk full")));

    assertThat(answer.get(10, TimeUnit.SECONDS))
        .isEqualTo(Fault.of(FaultCode.INTERNAL_ERROR, "internal error"));
  }
}
