package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.RpcClient;
import io.rpcservices.master.Master;
import io.rpcservices.master.store.InMemoryStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The crawler benchmark ({@code examples/webcrawler/bench.sh}): pages per second with 1, 2, 4 and 8
 * crawler processes against the generated {@link TestSite}, whose pages answer after a fixed
 * latency. All crawler JVMs start once and are warmed up by a first crawl; each round then pauses
 * all but N of them through the monitor's message path, forgets the previous crawl, adds the root
 * and times the crawl from the seed to its end (stack empty, nothing in flight). Prints a Markdown
 * table on stdout.
 *
 * <pre>{@code
 * CrawlBench [pages=1000] [latencyMillis=50] [crawlers=1,2,4,8]
 * }</pre>
 */
final class CrawlBench {
  private static final long CRAWL_DEADLINE_SECONDS = 900;

  private CrawlBench() {}

  /** Runs the benchmark with the arguments above, each optional. */
  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 50);
    List<Integer> rounds =
        Arrays.stream((args.length > 2 ? args[2] : "1,2,4,8").split(","))
            .map(Integer::parseInt)
            .toList();
    int most = rounds.stream().mapToInt(Integer::intValue).max().orElse(1);
    Path out = Files.createTempDirectory("webcrawler-bench");
    Master master =
        Master.builder().host("127.0.0.1").port(0).stateStore(new InMemoryStateStore()).build();
    master.start();
    try (master;
        RpcClient client = RpcClient.connect(master.url());
        TestSite site = TestSite.start(pages, latency);
        CrawlerProcesses crawlers = new CrawlerProcesses(master.url(), out)) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= most; i++) {
        names.add("bench-" + i);
        crawlers.start("bench-" + i);
      }
      crawlers.awaitLoggedIn(client);
      System.err.printf("[bench] %d crawlers up; warm-up crawl%n", most);
      crawl(master.url(), client, site, names, names);

      System.out.printf(
          "| crawlers | pages | seconds | pages/s | speed-up |%n|---:|---:|---:|---:|---:|%n");
      double single = 0;
      for (int count : rounds) {
        Round round = crawl(master.url(), client, site, names, names.subList(0, count));
        single = single == 0 ? round.pagesPerSecond() * 1.0 / count : single;
        System.out.printf(
            Locale.ROOT,
            "| %d | %d | %.2f | %.1f | %.2f× |%n",
            count,
            round.pages(),
            round.seconds(),
            round.pagesPerSecond(),
            round.pagesPerSecond() / single);
        System.out.flush();
      }
      CrawlerProcesses.control("monitor", "--url", master.url(), "--send", "stop");
      for (String name : names) {
        crawlers.awaitExit(name);
      }
    }
  }

  /** Crawls the site from a clean state with only the {@code active} crawlers running. */
  private static Round crawl(
      String url, RpcClient client, TestSite site, List<String> all, List<String> active)
      throws InterruptedException {
    for (String name : all) {
      String command = active.contains(name) ? "resume" : "pause";
      CrawlerProcesses.control("monitor", "--url", url, "--send", command, "--to", name);
    }
    for (String name : all) {
      boolean run = active.contains(name);
      CrawlerProcesses.awaitCondition(
          name + (run ? " running" : " paused"),
          CrawlerProcesses.DEADLINE_SECONDS,
          () ->
              CrawlerProcesses.status(client, name)
                  .map(status -> status.state().equals("paused") != run)
                  .orElse(false));
    }
    Frontier frontier = Frontier.open(client);
    frontier.reset();
    long start = System.nanoTime();
    CrawlerProcesses.control("addurl", "--url", url, site.rootUrl());
    // Pending is exact when no crawler dies; the full check only runs once it says zero.
    CrawlerProcesses.awaitCondition(
        "the crawl is done",
        CRAWL_DEADLINE_SECONDS,
        () -> frontier.stats().pending() == 0 && frontier.queued() == 0 && frontier.isDone());
    double seconds = (System.nanoTime() - start) / 1e9;
    long saved = frontier.stats().pagesSaved();
    return new Round(saved, seconds, saved / seconds);
  }

  /** One timed crawl. */
  private record Round(long pages, double seconds, double pagesPerSecond) {}
}
