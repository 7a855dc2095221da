package io.rpcservices.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.TestService;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private static final CallContext CONTEXT = new CallContext("192.0.2.7");

  private final Dispatcher dispatcher =
      new Dispatcher(new ServiceRegistry(List.of(ServiceModel.of("test", new TestService()))));

  private RpcResponse call(String method, @Nullable Object... params) {
    try {
      return dispatcher
          .dispatch(new RpcRequest(method, Arrays.asList(params)), CONTEXT)
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private @Nullable Object value(String method, @Nullable Object... params) {
    RpcResponse response = call(method, params);
    assertThat(response).isInstanceOf(Success.class);
    return ((Success) response).value();
  }

  private Fault fault(String method, @Nullable Object... params) {
    RpcResponse response = call(method, params);
    assertThat(response).isInstanceOf(Fault.class);
    return (Fault) response;
  }

  @Test
  void callsMethodWithConvertedParameters() {
    assertThat(value("test.add", 2, 3)).isEqualTo(5);
    assertThat(value("test.not", true)).isEqualTo(false);
    assertThat(value("test.echo", "hi")).isEqualTo("hi");
    assertThat(value("test.reverse", new byte[] {1, 2, 3})).isEqualTo(new byte[] {3, 2, 1});
    assertThat(value("test.nextDay", LocalDateTime.of(2026, 11, 23, 10, 0)))
        .isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0));
    assertThat(value("test.struct", Map.of("a", 1))).isEqualTo(Map.of("a", 1));
    assertThat(value("test.array", List.of(1, "two"))).isEqualTo(List.of(1, "two"));
  }

  @Test
  void widensNumbers() {
    assertThat(value("test.addLong", 1, 2)).isEqualTo(3L);
    assertThat(value("test.addLong", 1, 5_000_000_000L)).isEqualTo(5_000_000_001L);
    assertThat(value("test.half", 3)).isEqualTo(1.5);
    assertThat(value("test.half", 3L)).isEqualTo(1.5);
    assertThat(value("test.half", 3.0)).isEqualTo(1.5);
    assertThat(value("test.add", 2L, 3)).isEqualTo(5);
  }

  @Test
  void passesWireValuesToObjectParameters() {
    assertThat(value("test.typeOf", 1)).isEqualTo("Integer");
    assertThat(value("test.typeOf", 1L)).isEqualTo("Long");
    assertThat(value("test.typeOf", "x")).isEqualTo("String");
    assertThat(value("test.typeOf", (Object) null)).isEqualTo("null");
  }

  @Test
  void passesNilToBoxedParameters() {
    assertThat(value("test.boxed", (Object) null)).isNull();
    assertThat(value("test.boxed", 7L)).isEqualTo(7);
  }

  @Test
  void rejectsNilForParametersNotMarkedNullable() {
    assertThat(fault("test.nextDay", (Object) null).message())
        .isEqualTo(
            "InvalidParams: test.nextDay parameter 1: expected dateTime.iso8601, received nil");
  }

  @Test
  void rejectsIntOutOfRange() {
    assertThat(fault("test.add", 5_000_000_000L, 1).message())
        .isEqualTo("InvalidParams: test.add parameter 1: expected int, received i8 (out of range)");
  }

  @Test
  void rejectsWrongParameterTypes() {
    assertThat(fault("test.add", 1, "2").message())
        .isEqualTo("InvalidParams: test.add parameter 2: expected int, received string");
    assertThat(fault("test.add", 1.5, 2).message())
        .isEqualTo("InvalidParams: test.add parameter 1: expected int, received double");
    assertThat(fault("test.not", (Object) null).message())
        .isEqualTo("InvalidParams: test.not parameter 1: expected boolean, received nil");
    assertThat(fault("test.struct", List.of()).message())
        .isEqualTo("InvalidParams: test.struct parameter 1: expected struct, received array");
    assertThat(fault("test.addLong", 1, 2.0).code()).isEqualTo(-32602);
  }

  @Test
  void rejectsWrongParameterCount() {
    Fault fault = fault("test.add", 1);
    assertThat(fault.code()).isEqualTo(-32602);
    assertThat(fault.message()).isEqualTo("InvalidParams: test.add takes 2 parameters, received 1");
    assertThat(fault("test.not").message())
        .isEqualTo("InvalidParams: test.not takes 1 parameter, received 0");
    assertThat(fault("test.pop", "a", 1, 2).message())
        .isEqualTo("InvalidParams: test.pop takes 1 or 2 parameters, received 3");
  }

  @Test
  void rejectsUnknownMethod() {
    Fault fault = fault("foo.bar");
    assertThat(fault.code()).isEqualTo(-32601);
    assertThat(fault.message()).isEqualTo("MethodNotFound: no such method: foo.bar");
    assertThat(fault("test.hashCode").message())
        .isEqualTo("MethodNotFound: no such method: test.hashCode");
    assertThat(fault("test.getClass").code()).isEqualTo(-32601);
  }

  @Test
  void choosesOverloadByArity() {
    assertThat(value("test.pop", "in")).isEqualTo("pop in");
    assertThat(value("test.pop", "in", 30)).isEqualTo("pop in 30");
  }

  @Test
  void injectsCallContext() {
    assertThat(value("test.whoami")).isEqualTo("192.0.2.7");
    assertThat(value("test.greet", "ann")).isEqualTo("ann@192.0.2.7");
    assertThat(fault("test.greet").message())
        .isEqualTo("InvalidParams: test.greet takes 1 parameter, received 0");
  }

  @Test
  void answersTrueForVoid() {
    assertThat(value("test.nothing")).isEqualTo(true);
    assertThat(value("test.later")).isEqualTo(true);
  }

  @Test
  void answersFaultOfFaultException() {
    Fault fault = fault("test.refuse");
    assertThat(fault.code()).isEqualTo(100);
    assertThat(fault.message()).isEqualTo("StackIndexError: stack 'in' is empty");
    assertThat(fault("test.failLater").message()).isEqualTo("CallTimeoutError: too late");
  }

  @Test
  void hidesOtherExceptionsAsInternalError() {
    Fault fault = fault("test.crash");
    assertThat(fault.code()).isEqualTo(-32603);
    assertThat(fault.message()).isEqualTo("InternalError: internal error");
    assertThat(fault.data()).isEqualTo(Map.of("type", "InternalError"));
    assertThat(fault("test.badArgument").message()).isEqualTo("InternalError: internal error");
  }

  @Test
  void answersWhenStageCompletes() {
    CompletableFuture<RpcResponse> response =
        dispatcher.dispatch(RpcRequest.of("test.delayed", 50), CONTEXT);
    assertThat(response.join()).isEqualTo(new Success("done"));
  }

  @Test
  void cancelsServiceFutureWhenCallIsCancelled() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    Dispatcher waiting =
        new Dispatcher(new ServiceRegistry(List.of(ServiceModel.of("wait", new Waiting(pending)))));
    CompletableFuture<RpcResponse> response =
        waiting.dispatch(RpcRequest.of("wait.forIt"), CONTEXT);
    assertThat(response).isNotDone();
    response.cancel(false);
    assertThat(pending).isCancelled();
  }

  /** A service whose only method answers with a given future. */
  public static final class Waiting {
    private final CompletableFuture<String> pending;

    Waiting(CompletableFuture<String> pending) {
      this.pending = pending;
    }

    public CompletableFuture<String> forIt() {
      return pending;
    }
  }
}
