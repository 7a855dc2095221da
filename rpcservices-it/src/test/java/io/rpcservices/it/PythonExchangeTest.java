package io.rpcservices.it;

import static io.rpcservices.it.WorkerProcesses.awaitWorkers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rpcservices.examples.exchange.MathWorker;
import io.rpcservices.testing.MasterExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Python's standard library calls a Java worker's service through the master. */
class PythonExchangeTest {
  @RegisterExtension static final MasterExtension master = MasterExtension.builder().build();

  private static final WorkerProcesses workers = new WorkerProcesses();

  @BeforeAll
  static void startWorker() throws Exception {
    assumeTrue(ProcessRun.available("python3"), "python3 not found on the PATH: test skipped");
    workers.start(MathWorker.class, master.url());
    awaitWorkers(master.client(), "math", 1);
  }

  @AfterAll
  static void stopWorker() throws InterruptedException {
    workers.close();
  }

  @Test
  void mathClientExampleCallsOverXmlRpcTheGatewayAndJsonRpc() throws Exception {
    String examples = ProcessRun.location("rpcservices.examples").resolve("python").toString();

    ProcessRun run = ProcessRun.of(List.of("python3", examples + "/math_client.py", master.url()));

    assertThat(run)
        .isEqualTo(
            new ProcessRun(
                0,
                "math.multiply(6, 7) = 42\n"
                    + "math.log(-1) failed: 402 RemoteError: java.lang.IllegalArgumentException:"
                    + " x must be > 0\n"
                    + "via the gateway: math.multiply(6, 7) = 42\n"
                    + "over JSON-RPC: math.multiply(6, 7) = 42\n",
                ""));
  }

  @Test
  void xmlrpcClientSeesFault402NamingTheRemoteException() throws Exception {
    String script =
        "import sys, xmlrpc.client\n"
            + "proxy = xmlrpc.client.ServerProxy(sys.argv[1] + '/RPC2')\n"
            + "try:\n"
            + "    proxy.math.log(0)\n"
            + "except xmlrpc.client.Fault as fault:\n"
            + "    print(fault.faultCode)\n"
            + "    print(fault.faultString)\n";

    ProcessRun run = ProcessRun.of(List.of("python3", "-c", script, master.url()));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("402\nRemoteError: java.lang.IllegalArgumentException: x must be > 0");
  }
}
