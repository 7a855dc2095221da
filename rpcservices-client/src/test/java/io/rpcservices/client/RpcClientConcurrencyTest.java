package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One client shared by 64 threads: every answer belongs to its own request. */
class RpcClientConcurrencyTest {
  private static final int THREADS = 64;
  private static final int CALLS = 500;

  @RegisterExtension static final LocalMaster master = new LocalMaster();
  private static RpcClient client;

  @BeforeAll
  static void connect() {
    client = RpcClient.connect(master.url());
  }

  @Test
  void sixtyFourThreadsSharingOneClientGetTheirOwnAnswers() throws Exception {
    Storage storage = client.storage().createStorage("shared");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        String counter = "counter-" + t;
        workers.add(pool.submit(() -> hammer(storage, counter, start)));
      }
      start.countDown();
      for (Future<Integer> worker : workers) {
        assertThat(worker.get(5, TimeUnit.MINUTES)).isEqualTo(CALLS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int t = 0; t < THREADS; t++) {
      assertThat(storage.getParameter("counter-" + t)).isEqualTo((long) CALLS / 2);
    }
  }

  /** Makes {@link #CALLS} calls, checking each answer against its request; returns how many. */
  private static int hammer(Storage storage, String counter, CountDownLatch start)
      throws Exception {
    start.await();
    long expectedCount = 0;
    int checked = 0;
    for (int i = 0; i < CALLS; i++) {
      String unique = counter + "/" + i;
      switch (i % 4) {
        case 0, 2 -> {
          assertThat(storage.increment(counter)).isEqualTo(++expectedCount);
        }
        case 1 -> {
          // A missing parameter echoes the default: the answer must be this call's own value.
          assertThat(storage.getParameter("missing-" + unique, unique)).isEqualTo(unique);
        }
        default -> {
          CompletableFuture<Object> echo =
              client.callAsync("storage.getParameter", "shared", "missing", List.of(unique, i));
          assertThat(echo.get(1, TimeUnit.MINUTES)).isEqualTo(List.of(unique, i));
        }
      }
      checked++;
    }
    return checked;
  }
}
