package io.rpcservices.it;

import static io.rpcservices.it.WorkerProcesses.awaitWorkers;
import static io.rpcservices.it.WorkerProcesses.pings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rpcservices.cli.RpcServicesCommand;
import io.rpcservices.client.CallTimeoutError;
import io.rpcservices.client.MethodNotFound;
import io.rpcservices.client.Protocol;
import io.rpcservices.client.RemoteError;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.ServiceUnavailableError;
import io.rpcservices.examples.exchange.MathClient;
import io.rpcservices.examples.exchange.MathWorker;
import io.rpcservices.testing.MasterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exchange end to end: a real master and real worker JVMs of the example's {@code math} service
 * on loopback, called from Java, Python and the command line.
 */
class ExchangeTest {
  private static final int CALLS = 3_000;
  private static final int CALLERS = 32;

  @RegisterExtension final MasterExtension master = MasterExtension.builder().build();

  private final WorkerProcesses workers = new WorkerProcesses();

  @AfterEach
  void stopWorkers() throws InterruptedException {
    workers.close();
  }

  @Test
  void callsSpreadOverThreeWorkers() throws Exception {
    List<Process> started = startMathWorkers(3);
    Set<Long> pids = started.stream().map(Process::pid).collect(Collectors.toSet());
    RpcClient client = master.client();

    Map<Long, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
    runCalls(
        CALLS,
        i -> answeredBy.computeIfAbsent(pid(client), p -> new AtomicInteger()).incrementAndGet());

    assertThat(answeredBy.keySet()).isEqualTo(pids);
    answeredBy.values().forEach(count -> assertThat(count.get()).isGreaterThanOrEqualTo(CALLS / 5));
    assertThat(pings(client, "math"))
        .extracting(entry -> ((Map<?, ?>) entry).get("pid"))
        .map(pid -> ((Number) pid).longValue())
        .containsExactlyInAnyOrderElementsOf(pids);
    long processed = stats(client).stream().mapToLong(entry -> number(entry, "processed")).sum();
    assertThat(processed).isEqualTo(CALLS);
  }

  @Test
  void workerKilledUnderLoadLosesNoCall() throws Exception {
    List<Process> started = startMathWorkers(3);
    RpcClient client = master.client();
    CountDownLatch someAnswered = new CountDownLatch(CALLS / 3);
    ExecutorService killer = Executors.newSingleThreadExecutor();
    Future<?> kill =
        killer.submit(
            () -> {
              someAnswered.await(2, TimeUnit.MINUTES);
              started.get(0).destroyForcibly();
              return null;
            });

    runCalls(
        CALLS,
        i -> {
          double seconds = (i % 5 + 1) / 1000.0;
          assertThat(client.call("math.slow", seconds)).isEqualTo(seconds);
          someAnswered.countDown();
        });

    kill.get(1, TimeUnit.MINUTES);
    killer.shutdown();
    assertThat(started.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();
    awaitWorkers(client, "math", 2);
  }

  @Test
  void mgtKillStopsAWorkerGracefully() throws Exception {
    List<Process> started = startMathWorkers(2);
    RpcClient client = master.client();
    Map<?, ?> victim = (Map<?, ?>) pings(client, "math").get(0);
    Process process =
        started.stream().filter(p -> p.pid() == number(victim, "pid")).findFirst().orElseThrow();
    CountDownLatch someAnswered = new CountDownLatch(200);
    ExecutorService killer = Executors.newSingleThreadExecutor();
    Future<Object> kill =
        killer.submit(
            () -> {
              someAnswered.await(2, TimeUnit.MINUTES);
              return client.call("mgt.kill", victim.get("wid"));
            });

    runCalls(
        1_000,
        i -> {
          assertThat(client.call("math.slow", 0.005)).isEqualTo(0.005);
          someAnswered.countDown();
        });

    assertThat(kill.get(1, TimeUnit.MINUTES)).isEqualTo(true);
    killer.shutdown();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    awaitWorkers(client, "math", 1);
  }

  @Test
  void workerStoppedBySigtermDrainsWithoutCallerErrors() throws Exception {
    List<Process> started = startMathWorkers(2);
    RpcClient client = master.client();
    CountDownLatch someAnswered = new CountDownLatch(200);
    ExecutorService stopper = Executors.newSingleThreadExecutor();
    Future<?> stop =
        stopper.submit(
            () -> {
              someAnswered.await(2, TimeUnit.MINUTES);
              started.get(0).destroy();
              return null;
            });

    runCalls(
        1_000,
        i -> {
          assertThat(client.call("math.slow", 0.005)).isEqualTo(0.005);
          someAnswered.countDown();
        });

    stop.get(1, TimeUnit.MINUTES);
    stopper.shutdown();
    assertThat(started.get(0).waitFor(60, TimeUnit.SECONDS)).isTrue();
    awaitWorkers(client, "math", 1);
  }

  @Test
  void callPastItsTimeoutFailsWithCallTimeoutErrorAndTheWorkerStaysFree() throws Exception {
    workers.start(SingleCallWorker.class, master.url());
    awaitWorkers(master.client(), "math", 1);

    for (Protocol protocol : Protocol.values()) {
      try (RpcClient client = RpcClient.builder().url(master.url()).protocol(protocol).build()) {
        RpcClient impatient = client.withTimeout(Duration.ofSeconds(1));
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                assertThatThrownBy(() -> impatient.call("math.slow", 5))
                    .as("over %s", protocol)
                    .isExactlyInstanceOf(CallTimeoutError.class));
        // The worker runs one call at a time: this one gets through only if the slow one stopped.
        assertThat(client.withTimeout(Duration.ofSeconds(3)).call("math.multiply", 6, 7))
            .as("over %s", protocol)
            .isEqualTo(42);
      }
    }
  }

  @Test
  void throwingMethodReachesTheJavaCallerAsRemoteError() throws Exception {
    startMathWorkers(1);

    for (Protocol protocol : Protocol.values()) {
      try (RpcClient client = RpcClient.builder().url(master.url()).protocol(protocol).build()) {
        assertThatThrownBy(() -> client.call("math.log", -1))
            .isExactlyInstanceOf(RemoteError.class)
            .hasMessage("RemoteError: java.lang.IllegalArgumentException: x must be > 0")
            .satisfies(
                e -> {
                  RemoteError error = (RemoteError) e;
                  assertThat(error.code()).isEqualTo(402);
                  assertThat(error.remoteType()).isEqualTo("java.lang.IllegalArgumentException");
                  assertThat(error.remoteMessage()).isEqualTo("x must be > 0");
                  assertThat(error.remoteTrace())
                      .startsWith("java.lang.IllegalArgumentException: x must be > 0\n")
                      .contains("at io.rpcservices.examples.exchange.MathService.log(");
                });
      }
    }
  }

  @Test
  void asyncCallAnswersLater() throws Exception {
    startMathWorkers(1);

    CompletableFuture<Object> product = master.client().callAsync("math.multiply", 6, 7);

    assertThat(product.get(30, TimeUnit.SECONDS)).isEqualTo(42);
  }

  @Test
  void groupGatewayExposesOnlyTheServicesOfItsGroup() throws Exception {
    startMathWorkers(1);

    for (String path : List.of("/groups/web-services/RPC2", "/groups/web-services/jsonrpc")) {
      try (RpcClient gateway = RpcClient.connect(master.url() + path)) {
        assertThat(gateway.call("math.multiply", 6, 7)).isEqualTo(42);
        assertThat(gateway.call("system.listMethods")).asList().contains("math.multiply");
        assertThatThrownBy(() -> gateway.call("stack.create", "hidden"))
            .isExactlyInstanceOf(MethodNotFound.class);
      }
      try (RpcClient other = RpcClient.connect(master.url() + path.replace("web-services", "x"))) {
        assertThatThrownBy(() -> other.call("math.multiply", 6, 7))
            .isExactlyInstanceOf(MethodNotFound.class);
      }
    }
  }

  @Test
  void withoutWorkersCallsFaultAfterTheirDeadlineAndSucceedOnceOneComesBack() throws Exception {
    Process first = startMathWorkers(1).get(0);
    RpcClient client = master.client();
    assertThat(client.call("math.multiply", 6, 7)).isEqualTo(42);
    first.destroyForcibly();
    awaitWorkers(client, "math", 0);

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(
                    () -> client.withTimeout(Duration.ofSeconds(1)).call("math.multiply", 6, 7))
                .isExactlyInstanceOf(ServiceUnavailableError.class)
                .hasMessageStartingWith("ServiceUnavailableError: "));
    CompletableFuture<Object> waiting =
        client.withTimeout(Duration.ofSeconds(90)).callAsync("math.multiply", 6, 7);
    workers.start(MathWorker.class, master.url());

    assertThat(waiting.get(2, TimeUnit.MINUTES)).isEqualTo(42);
    assertThat(client.call("math.multiply", 7, 8)).isEqualTo(56);
  }

  @Test
  void mathClientExampleCallsThroughTheMasterAndTheGateway() throws Exception {
    startMathWorkers(1);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    ProcessRun run =
        ProcessRun.of(List.of(java, "-cp", classpath(), MathClient.class.getName(), master.url()));

    assertThat(run)
        .isEqualTo(
            new ProcessRun(
                0,
                "math.multiply(6, 7) = 42\n"
                    + "math.log(1) = 0.0\n"
                    + "async math.multiply(6, 7) = 42\n"
                    + "math.log(-1) threw java.lang.IllegalArgumentException on the worker:"
                    + " x must be > 0\n"
                    + "via the gateway: math.multiply(6, 7) = 42\n",
                ""));
  }

  @Test
  void commandLineCallsAWorkerServiceAndListsItsWorkers() throws Exception {
    Process worker = startMathWorkers(1).get(0);
    String wid = String.valueOf(((Map<?, ?>) pings(master.client(), "math").get(0)).get("wid"));

    assertThat(cli("call", "--url", master.url(), "math.multiply", "6", "7"))
        .isEqualTo(new ProcessRun(0, "42\n", ""));
    ProcessRun listed = cli("call", "--url", master.url(), "mgt.ping", "math");
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out()).contains(wid).contains(String.valueOf(worker.pid()));
  }

  @Test
  void curlPostsJsonRpcToAWorkerService() throws Exception {
    assumeTrue(ProcessRun.available("curl"), "curl not found on the PATH: test skipped");
    startMathWorkers(1);

    ProcessRun run =
        ProcessRun.of(
            List.of(
                "curl",
                "--silent",
                "--show-error",
                "--header",
                "Content-Type: application/json",
                "--data-binary",
                "@-",
                master.url() + "/jsonrpc"),
            "{\"jsonrpc\": \"2.0\", \"method\": \"math.multiply\", \"params\": [6, 7],"
                + " \"timeout\": 5, \"id\": 1}");

    assertThat(run)
        .isEqualTo(new ProcessRun(0, "{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":1}", ""));
  }

  /** Runs the command line {@code rpcservices args} in a JVM of its own. */
  private static ProcessRun cli(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath());
    command.add(RpcServicesCommand.class.getName());
    command.addAll(List.of(args));
    return ProcessRun.of(command);
  }

  private List<Process> startMathWorkers(int count) throws Exception {
    List<Process> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      started.add(workers.start(MathWorker.class, master.url()));
    }
    awaitWorkers(master.client(), "math", count);
    return started;
  }

  /** Runs {@code calls} calls from {@link #CALLERS} threads; rethrows the first failure. */
  private static void runCalls(int calls, Call call) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int index = i;
        results.add(
            callers.submit(
                () -> {
                  call.run(index);
                  return null;
                }));
      }
      for (Future<?> result : results) {
        result.get(5, TimeUnit.MINUTES);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /** The class path of this test run; Surefire's own may be a manifest-only jar. */
  private static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static long pid(RpcClient client) {
    return ((Number) client.call("math.pid")).longValue();
  }

  private static List<Map<?, ?>> stats(RpcClient client) {
    List<Map<?, ?>> entries = new ArrayList<>();
    for (Object entry : (List<?>) client.call("mgt.stats", "math")) {
      entries.add((Map<?, ?>) entry);
    }
    return entries;
  }

  private static long number(Map<?, ?> entry, String member) {
    return ((Number) entry.get(member)).longValue();
  }

  /** One call of a load, numbered. */
  @FunctionalInterface
  private interface Call {
    void run(int index) throws Exception;
  }
}
