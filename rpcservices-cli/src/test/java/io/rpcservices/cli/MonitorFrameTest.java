package io.rpcservices.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonitorFrameTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0, 5);

  @Test
  void laysOutClientsStacksAndStoragesAsTables() {
    Map<String, Map<?, ?>> clients = new TreeMap<>();
    clients.put(
        "consumer",
        Map.of("host", "10.0.0.7", "status", "waiting", "lastVisit", NOW.minusSeconds(4)));
    clients.put("producer", Map.of("host", "127.0.0.1", "status", "pushing"));
    Map<String, Integer> stacks = new LinkedHashMap<>();
    stacks.put("in", 10);
    stacks.put("results", null);

    String frame =
        MonitorFrame.render(
            "http://127.0.0.1:8000", new MonitorSnapshot(clients, stacks, List.of("config")), NOW);

    assertThat(frame)
        .isEqualTo(
            "rpcservices monitor  http://127.0.0.1:8000  2026-11-23 10:00:05 UTC\n"
                + "\n"
                + "Clients (2)\n"
                + "  NAME      HOST       STATUS   LAST VISIT (UTC)\n"
                + "  consumer  10.0.0.7   waiting  2026-11-23 10:00:01\n"
                + "  producer  127.0.0.1  pushing  -\n"
                + "\n"
                + "Stacks (2)\n"
                + "  NAME     SIZE\n"
                + "  in       10\n"
                + "  results  -\n"
                + "\n"
                + "Storages (1)\n"
                + "  NAME\n"
                + "  config\n");
  }

  @Test
  void saysNoneForAnEmptySection() {
    String frame =
        MonitorFrame.render("http://m:1", new MonitorSnapshot(Map.of(), Map.of(), List.of()), NOW);

    assertThat(frame)
        .isEqualTo(
            "rpcservices monitor  http://m:1  2026-11-23 10:00:05 UTC\n"
                + "\nClients (0)\n  (none)\n"
                + "\nStacks (0)\n  (none)\n"
                + "\nStorages (0)\n  (none)\n");
  }
}
