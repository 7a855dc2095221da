package io.rpcservices.it;

import static io.rpcservices.it.WorkerProcesses.awaitWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.client.RpcClient;
import io.rpcservices.examples.exchange.MathWorker;
import io.rpcservices.master.Master;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker JVM outlives its master: it reconnects to the new one on the same port. */
class WorkerReconnectTest {
  private final WorkerProcesses workers = new WorkerProcesses();

  @AfterEach
  void stopWorkers() throws InterruptedException {
    workers.close();
  }

  @Test
  void workerRegistersAgainWhenTheMasterRestartsOnTheSamePort() throws Exception {
    Master first = Master.builder().host("127.0.0.1").port(0).build().start();
    int port = first.port();
    try (RpcClient client = RpcClient.connect(first.url())) {
      workers.start(MathWorker.class, first.url());
      awaitWorkers(client, "math", 1);
      assertThat(client.call("math.multiply", 6, 7)).isEqualTo(42);
    } finally {
      first.close();
    }

    try (Master second = Master.builder().host("127.0.0.1").port(port).build().start();
        RpcClient client = RpcClient.connect(second.url())) {
      awaitWorkers(client, "math", 1);
      assertThat(client.call("math.multiply", 6, 7)).isEqualTo(42);
    }
  }
}
