package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.RpcClient;
import io.rpcservices.master.Master;
import io.rpcservices.master.store.InMemoryStateStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crawler benchmark ({@code examples/webcrawler/bench.sh}): pages per second with 1, 2, 4 and 8
 * crawler processes against the generated {@link TestSite}, whose pages answer after a fixed
 * latency. All crawler JVMs start once and are warmed up by a first crawl; each round then pauses
 * all but N of them through the monitor's message path, forgets the previous crawl, adds the root
 * and times the crawl from the seed to its end (stack empty, nothing in flight). The rounds run
 * {@code repeats} times in turn (1, 2, 4, 8, 1, 2, ...), and the median of each counts. Prints a
 * Markdown report on stdout.
 *
 * <pre>{@code
 * CrawlBench [pages=600] [latencyMillis=50] [crawlers=1,2,4,8] [repeats=3]
 * }</pre>
 */
final class CrawlBench {
  private static final long CRAWL_DEADLINE_SECONDS = 900;

  private CrawlBench() {}

  /** Runs the benchmark with the arguments above, each optional. */
  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 50);
    List<Integer> counts =
        Arrays.stream((args.length > 2 ? args[2] : "1,2,4,8").split(","))
            .map(Integer::parseInt)
            .toList();
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int most = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
    String loadBefore = loadAverage();
    Path out = Files.createTempDirectory("webcrawler-bench");
    Master master =
        Master.builder().host("127.0.0.1").port(0).stateStore(new InMemoryStateStore()).build();
    master.start();
    Map<Integer, List<Round>> rounds = new TreeMap<>();
    try (master;
        RpcClient client = RpcClient.connect(master.url());
        TestSite site = TestSite.uniform(pages, latency);
        CrawlerProcesses crawlers = new CrawlerProcesses(master.url(), out)) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= most; i++) {
        names.add("bench-" + i);
        crawlers.start("bench-" + i);
      }
      crawlers.awaitLoggedIn(client);
      System.err.printf("[bench] %d crawlers up; warm-up crawl%n", most);
      crawl(master.url(), client, site, crawlers, names, names);
      for (int repeat = 1; repeat <= repeats; repeat++) {
        for (int count : counts) {
          Round round = crawl(master.url(), client, site, crawlers, names, names.subList(0, count));
          rounds.computeIfAbsent(count, c -> new ArrayList<>()).add(round);
          System.err.printf(
              Locale.ROOT,
              "[bench] round %d, %d crawlers: %d pages in %.2f s, %.1f pages/s;"
                  + " CPU per page %.2f ms in the crawlers, %.2f ms in the master and site%n",
              repeat,
              count,
              round.pages(),
              round.seconds(),
              round.pagesPerSecond(),
              round.crawlerCpuPerPage(),
              round.harnessCpuPerPage());
        }
      }
      CrawlerProcesses.control("monitor", "--url", master.url(), "--send", "stop");
      for (String name : names) {
        crawlers.awaitExit(name);
      }
    }
    report(pages, latency, repeats, rounds, loadBefore);
  }

  private static void report(
      int pages, Duration latency, int repeats, Map<Integer, List<Round>> rounds, String load)
      throws IOException {
    System.out.printf(
        Locale.ROOT,
        "%s, %s, %d cores; load average %s before, %s after%n",
        LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES) + " UTC",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        load,
        loadAverage());
    System.out.printf(
        Locale.ROOT,
        "%d pages saved per crawl (a site of %d generated pages), %d ms per page, median of %d%n%n",
        rounds.values().iterator().next().get(0).pages(),
        pages,
        latency.toMillis(),
        repeats);
    System.out.println("| crawlers | seconds | pages/s | min–max pages/s | speed-up |");
    System.out.println("|---:|---:|---:|---:|---:|");
    double single = 0;
    for (Map.Entry<Integer, List<Round>> entry : rounds.entrySet()) {
      List<Double> rates = entry.getValue().stream().map(Round::pagesPerSecond).sorted().toList();
      List<Double> seconds = entry.getValue().stream().map(Round::seconds).sorted().toList();
      double median = rates.get(rates.size() / 2);
      single = single == 0 ? median / entry.getKey() : single;
      System.out.printf(
          Locale.ROOT,
          "| %d | %.2f | %.1f | %.1f–%.1f | %.2f× |%n",
          entry.getKey(),
          seconds.get(seconds.size() / 2),
          median,
          rates.get(0),
          rates.get(rates.size() - 1),
          median / single);
    }
  }

  private static String loadAverage() throws IOException {
    Path proc = Path.of("/proc/loadavg");
    if (!Files.exists(proc)) {
      return "unknown";
    }
    String[] fields = Files.readString(proc).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static String cpuModel() throws IOException {
    Path proc = Path.of("/proc/cpuinfo");
    if (!Files.exists(proc)) {
      return System.getProperty("os.arch");
    }
    return Files.readAllLines(proc).stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst()
        .orElse(System.getProperty("os.arch"));
  }

  /** Crawls the site from a clean state with only the {@code active} crawlers running. */
  private static Round crawl(
      String url,
      RpcClient client,
      TestSite site,
      CrawlerProcesses crawlers,
      List<String> all,
      List<String> active)
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
    Duration crawlerCpu = crawlers.cpuTime();
    long harnessCpu = harnessCpuNanos();
    CrawlerProcesses.control("addurl", "--url", url, site.rootUrl());
    // Pending is exact when no crawler dies; the full check only runs once it says zero.
    CrawlerProcesses.awaitCondition(
        "the crawl is done",
        CRAWL_DEADLINE_SECONDS,
        () -> frontier.stats().pending() == 0 && frontier.queued() == 0 && frontier.isDone());
    double seconds = (System.nanoTime() - start) / 1e9;
    long saved = frontier.stats().pagesSaved();
    double crawlerMillis = (crawlers.cpuTime().minus(crawlerCpu).toNanos()) / 1e6;
    double harnessMillis = (harnessCpuNanos() - harnessCpu) / 1e6;
    return new Round(saved, seconds, saved / seconds, crawlerMillis / saved, harnessMillis / saved);
  }

  /** One timed crawl. */
  private record Round(
      long pages,
      double seconds,
      double pagesPerSecond,
      double crawlerCpuPerPage,
      double harnessCpuPerPage) {}

  /** The CPU time of this JVM: the master's and the site's. */
  private static long harnessCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
