package io.rpcservices.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.JsonRpcWire;
import io.rpcservices.master.Master;
import io.rpcservices.master.TestService;
import io.rpcservices.master.WireClient;
import io.rpcservices.master.WsPeer;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Worker pools of a real master, driven by in-test workers that speak the protocol directly. */
class WorkerPoolsTest {
  private final Master master =
      Master.builder().port(0).service("test", new TestService()).build().start();
  private final JsonRpcWire json = new JsonRpcWire(master);
  private final WireClient xml = new WireClient(master);
  private final List<TestWorker> workers = new ArrayList<>();

  @AfterEach
  void closeMaster() {
    workers.forEach(TestWorker::abort);
    master.close();
  }

  @Test
  void forwardsCallsFromEveryProtocolToTheWorker() throws InterruptedException {
    TestWorker worker = worker("math");

    assertThat(xml.value("math.multiply", 6, 7)).isEqualTo(42);
    assertThat(json.value("math.multiply", 6, 7)).isEqualTo(42);
    try (WsPeer peer = WsPeer.connect(master)) {
      assertThat(peer.call("math.multiply", 6, 7)).isEqualTo(new Success(42));
    }
    TestWorker.Invocation invocation = worker.nextInvocation();
    assertThat(invocation.method()).isEqualTo("multiply");
    assertThat(invocation.params()).containsExactly(6, 7);
    assertThat(invocation.timeout()).isGreaterThan(0).isLessThanOrEqualTo(30);
  }

  @Test
  void passesTheCallersDeadlineToTheWorker() throws InterruptedException {
    TestWorker worker = worker("math");

    assertThat(json.callWithin("2.5", "math.multiply", 2, 3)).isEqualTo(new Success(6));
    assertThat(worker.nextInvocation().timeout()).isGreaterThan(0).isLessThanOrEqualTo(2.5);
  }

  @Test
  void relaysRemoteErrorsUnchanged() {
    worker("math");
    Fault expected = TestWorker.remoteError("x must be > 0");

    assertThat(json.fault("math.fail", "x must be > 0")).isEqualTo(expected);
    // Over XML-RPC, the data's text members travel in faultData.
    assertThat(xml.fault("math.fail", "x must be > 0")).isEqualTo(expected);
  }

  @Test
  void takesTheTimeoutMemberOfAJsonRpcRequestAsTheDeadline() throws InterruptedException {
    TestWorker worker = worker("math");

    assertThat(
            json.postTree(
                "{\"jsonrpc\": \"2.0\", \"method\": \"math.multiply\", \"params\": [2, 3],"
                    + " \"timeout\": 2.5, \"id\": 1}"))
        .isEqualTo(JsonRpcWire.tree("{\"jsonrpc\": \"2.0\", \"result\": 6, \"id\": 1}"));
    assertThat(worker.nextInvocation().timeout()).isGreaterThan(0).isLessThanOrEqualTo(2.5);
  }

  @Test
  void refusesRegistrationOverHttp() {
    assertThat(json.call("worker.register", TestWorker.registration("math", List.of(), 1)))
        .isEqualTo(
            Fault.of(
                FaultCode.INVALID_REQUEST,
                "worker.register needs a WebSocket session: workers connect to /ws"));
  }

  @Test
  void refusesInvalidRegistrations() {
    try (WsPeer peer = WsPeer.connect(master)) {
      assertThat(peer.call("worker.register", TestWorker.registration("stack", List.of(), 1)))
          .isEqualTo(invalidParams("service: 'stack' is a built-in service"));
      assertThat(peer.call("worker.register", TestWorker.registration("test", List.of(), 1)))
          .isEqualTo(invalidParams("service: 'test' is served by the master itself"));
      assertThat(peer.call("worker.register", TestWorker.registration("1st", List.of(), 1)))
          .isEqualTo(
              invalidParams(
                  "service: '1st' (expected: letters, digits and '_', not starting with a digit)"));
      assertThat(peer.call("worker.register", Map.of("service", "math")))
          .isEqualTo(
              invalidParams("methods: empty (expected: at least one {name, signature, help})"));
      assertThat(peer.call("worker.register", TestWorker.registration("math", List.of(), 0)))
          .isEqualTo(invalidParams("concurrency: 0 (expected: an integer from 1 to 10000)"));
      assertThat(peer.call("worker.register", TestWorker.registration("math", List.of(), 1)))
          .isEqualTo(new Success("math-1"));
      assertThat(peer.call("worker.register", TestWorker.registration("other", List.of(), 1)))
          .isEqualTo(
              Fault.of(
                  FaultCode.INVALID_REQUEST,
                  "worker.register: this session registered math-1 already (open one session per"
                      + " service)"));
    }
  }

  @Test
  void showsRemoteMethodsInIntrospection() {
    worker("math", "web");

    assertThat(list(json.value("system.listMethods")))
        .contains("math.fail", "math.hold", "math.multiply", "test.add");
    assertThat(xml.value("system.methodHelp", "math.multiply"))
        .isEqualTo("Multiplies two integers.");
    assertThat(xml.value("system.methodSignature", "math.multiply"))
        .isEqualTo(List.of(List.of("int", "int", "int")));
    assertThat(json.value("mgt.services"))
        .isEqualTo(
            List.of(
                Map.of(
                    "service",
                    "math",
                    "workers",
                    1,
                    "groups",
                    List.of("web"),
                    "methods",
                    List.of("multiply", "fail", "hold"))));
  }

  @Test
  void answersMethodNotFoundAtOnceForUnknownRemoteMethods() {
    worker("math");

    assertThat(json.fault("math.divide", 1, 2))
        .isEqualTo(Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: math.divide"));
    assertThat(json.fault("nothing.here"))
        .isEqualTo(Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: nothing.here"));
    assertThat(json.fault("mgt.eval", "1 + 1"))
        .isEqualTo(Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: mgt.eval"));
    assertThat(json.callNamed("math.multiply", Map.of("x", 1, "y", 2)))
        .isEqualTo(
            Fault.of(
                FaultCode.INVALID_PARAMS,
                "math.multiply takes positional parameters only (it is a remote method)"));
  }

  @Test
  void answersServiceUnavailableWhenNoWorkerComesWithinTheDeadline() {
    TestWorker gone = worker("math");
    gone.abort();
    awaitWorkers("math", 0);

    assertThat(json.callWithin("0.3", "math.multiply", 2, 3))
        .isEqualTo(
            Fault.of(
                FaultCode.SERVICE_UNAVAILABLE_ERROR,
                "no worker serves math (waited until the call's deadline)"));
  }

  @Test
  void waitsForAWorkerToRegister() {
    TestWorker gone = worker("math");
    gone.abort();
    awaitWorkers("math", 0);

    try (WsPeer caller = WsPeer.connect(master)) {
      CompletableFuture<RpcResponse> call = caller.request("math.multiply", 4, 5);
      worker("math");

      assertThat(WsPeer.await(call)).isEqualTo(new Success(20));
    }
  }

  @Test
  void answersCallTimeoutAndCancelsWhenTheWorkerIsLate() throws InterruptedException {
    TestWorker worker = worker("math");

    assertThat(json.callWithin("0.3", "math.hold"))
        .isEqualTo(
            Fault.of(
                FaultCode.CALL_TIMEOUT_ERROR,
                "math.hold: worker math-1 did not answer before the call's deadline"));
    TestWorker.Invocation invocation = worker.nextInvocation();
    assertThat(worker.cancels.poll(10, TimeUnit.SECONDS))
        .isEqualTo(Long.parseLong(invocation.id().toString()));
    // The worker answered the cancelled call: it is free for the next one.
    assertThat(json.value("math.multiply", 3, 3)).isEqualTo(9);
  }

  @Test
  void sendsCallsAgainWhenTheWorkersSessionCloses() throws InterruptedException {
    TestWorker first = worker("math");
    first.behave(first.holding());
    try (WsPeer caller = WsPeer.connect(master)) {
      CompletableFuture<RpcResponse> call = caller.request("math.multiply", 6, 7);
      first.nextHeld();
      TestWorker second = worker("math");

      first.abort();

      assertThat(WsPeer.await(call)).isEqualTo(new Success(42));
      assertThat(second.nextInvocation().params()).containsExactly(6, 7);
    }
  }

  @Test
  void killStopsRoutingAndLetsTheWorkerDrain() throws InterruptedException {
    TestWorker first = worker("math");
    first.behave(first.holding());
    try (WsPeer caller = WsPeer.connect(master)) {
      CompletableFuture<RpcResponse> inFlight = caller.request("math.multiply", 6, 7);
      CompletableFuture<RpcResponse> held = first.nextHeld();

      assertThat(json.value("mgt.kill", "math-1")).isEqualTo(true);
      WsPeer.await(first.stopRequested);
      CompletableFuture<RpcResponse> next = caller.request("math.multiply", 2, 2);
      TestWorker second = worker("math");
      assertThat(WsPeer.await(next)).isEqualTo(new Success(4));
      held.complete(new Success(42));

      assertThat(WsPeer.await(inFlight)).isEqualTo(new Success(42));
      WsPeer.await(first.peer().closed());
      awaitWorkers("math", 1);
      assertThat(second.invocations).hasSize(1);
    }
    assertThat(json.value("mgt.kill", "math-9")).isEqualTo(false);
  }

  @Test
  void sendsEachCallToTheLeastBusyWorkerInTurn() throws InterruptedException {
    List<TestWorker> pool = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestWorker worker = TestWorker.connect(master);
      workers.add(worker);
      worker.behave(worker.holding());
      worker.register("math", List.of(), 4);
      pool.add(worker);
    }
    try (WsPeer caller = WsPeer.connect(master)) {
      List<CompletableFuture<RpcResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(caller.request("math.multiply", i, i));
        calls.add(caller.request("math.multiply", i, i));
        calls.add(caller.request("math.multiply", i, i));
        for (TestWorker worker : pool) {
          worker.nextHeld();
        }
      }
      for (TestWorker worker : pool) {
        assertThat(worker.held).isEmpty();
        assertThat(worker.invocations).hasSize(2);
      }
    }
  }

  @Test
  void sendsAWorkerNoMoreCallsThanItsConcurrency() throws InterruptedException {
    TestWorker worker = TestWorker.connect(master);
    workers.add(worker);
    worker.behave(worker.holding());
    worker.register("math", List.of(), 2);
    try (WsPeer caller = WsPeer.connect(master)) {
      // The master may take the three calls in any order, so the test does not assume which of
      // them waits for a free slot.
      List<CompletableFuture<RpcResponse>> answers =
          List.of(
              caller.request("math.multiply", 1, 1),
              caller.request("math.multiply", 2, 2),
              caller.request("math.multiply", 3, 3));
      CompletableFuture<RpcResponse> first = worker.nextHeld();
      CompletableFuture<RpcResponse> second = worker.nextHeld();
      assertThat(worker.held).isEmpty();

      first.complete(new Success(1));
      worker.nextHeld().complete(new Success(9));
      second.complete(new Success(4));

      assertThat(answers.stream().map(WsPeer::await))
          .containsExactlyInAnyOrder(new Success(1), new Success(9), new Success(4));
    }
  }

  @Test
  void reportsWorkersAndTheirStatistics() {
    worker("math", "web", "batch");
    json.value("math.multiply", 1, 2);
    json.value("math.multiply", 3, 4);
    json.fault("math.fail", "no");

    assertThat(json.value("mgt.ping", "math"))
        .isEqualTo(
            List.of(
                Map.of(
                    "wid", "math-1",
                    "service", "math",
                    "host", "worker-host",
                    "pid", 4242,
                    "groups", List.of("web", "batch"))));
    @SuppressWarnings("unchecked")
    Map<String, Object> stats = (Map<String, Object>) list(json.value("mgt.stats", "math")).get(0);
    assertThat(stats)
        .containsEntry("wid", "math-1")
        .containsEntry("processed", 3)
        .containsEntry("exceptions", 1)
        .containsEntry("inflight", 0);
    assertThat(list(stats.get("waittimes"))).hasSize(2);
    assertThat(json.value("mgt.ping", "nothing")).isEqualTo(List.of());
  }

  private TestWorker worker(String service, String... groups) {
    TestWorker worker = TestWorker.register(master, service, groups);
    workers.add(worker);
    return worker;
  }

  /** Waits until {@code service} has {@code count} workers, as {@code mgt.ping} reports them. */
  private void awaitWorkers(String service, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (((List<?>) json.value("mgt.ping", service)).size() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(service + " does not have " + count + " workers after 10 s");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(@Nullable Object value) {
    return (List<Object>) value;
  }

  private static Fault invalidParams(String detail) {
    return Fault.of(FaultCode.INVALID_PARAMS, "worker.register: " + detail);
  }
}
