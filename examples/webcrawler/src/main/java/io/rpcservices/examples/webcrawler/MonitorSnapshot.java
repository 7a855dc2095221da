package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.ClientRecord;
import io.rpcservices.client.RpcClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the monitor shows, read from the master at one moment: the crawlers logged in, the crawl's
 * statistics, the stack's size and whether the crawl is over.
 */
record MonitorSnapshot(
    Map<String, ClientRecord> crawlers, CrawlStats stats, int stackSize, boolean done) {

  /** Reads a snapshot through {@code client}. */
  static MonitorSnapshot read(RpcClient client) {
    Frontier frontier = Frontier.open(client);
    Map<String, ClientRecord> crawlers = new LinkedHashMap<>();
    client
        .provider()
        .getAllClients()
        .forEach(
            (name, record) -> {
              if ("crawler".equals(record.info().get("role"))) {
                crawlers.put(name, record);
              }
            });
    CrawlStats stats = frontier.stats();
    int stackSize = frontier.queued();
    return new MonitorSnapshot(crawlers, stats, stackSize, stackSize == 0 && frontier.isDone());
  }
}
