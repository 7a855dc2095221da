package io.rpcservices.examples.webcrawler;

import static io.rpcservices.examples.webcrawler.CrawlerProcesses.control;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.client.RpcClient;
import io.rpcservices.testing.MasterExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One crawler in the test's JVM, for the crawl's limits and options. */
class CrawlerTest {
  private static final String AGENT = "rpcservices-webcrawler";

  @RegisterExtension final MasterExtension master = MasterExtension.builder().build();

  @TempDir Path out;

  /** Runs one crawler until the crawl is over. */
  private void crawl(boolean saveNonHtml) throws InterruptedException {
    RpcClient client = master.client();
    PrintWriter log = new PrintWriter(new StringWriter());
    PageFetcher fetcher =
        new PageFetcher(AGENT + "/0.1", Duration.ofSeconds(10), 1 << 20, saveNonHtml);
    CrawlerControl control = CrawlerControl.start(client.provider(), "crawler", Map.of(), log);
    try {
      new Crawler(
              Frontier.open(client),
              fetcher,
              new RobotsCache(fetcher, AGENT),
              new LinkExtractor(saveNonHtml),
              new PageFiles(out),
              new Politeness(Duration.ZERO),
              control,
              Duration.ofSeconds(30),
              true,
              log)
          .run();
    } finally {
      control.close();
    }
  }

  private List<String> savedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> out.relativize(file).toString())
          .filter(file -> !file.startsWith(PageFiles.PARTIAL + "/"))
          .toList();
    }
  }

  @Test
  void stopsLoadingAtMaxPages() throws Exception {
    try (TestSite site = TestSite.start(100, Duration.ZERO)) {
      control("addurl", "--url", master.url(), "--max-pages", "20", site.rootUrl());
      crawl(false);

      CrawlStats stats = Frontier.open(master.client()).stats();
      assertThat(stats.fetched()).isEqualTo(20);
      assertThat(master.client().storage().createStorage(Frontier.VISITED).getAllParameters())
          .containsValue("skipped: max pages");
      assertThat(savedFiles()).hasSize((int) stats.pagesSaved());
      assertThat(site.requests().keySet()).hasSize(21); // and robots.txt
    }
  }

  @Test
  void followsLinksToMaxDepthAnywhereAndSavesEverything() throws Exception {
    try (TestSite site = TestSite.start(100, Duration.ZERO)) {
      control(
          "addurl", "--url", master.url(), "--max-depth", "1", "--no-same-host", site.rootUrl());
      crawl(true);

      String host = site.folder() + "/";
      assertThat(savedFiles())
          .contains(host + "index.html", host + "s0/page-0.html", host + "s9/index.html")
          .contains(host + "target.html", host + "slow.html", host + "docs/a%20b.html")
          .contains(host + "files/data.bin")
          .noneMatch(file -> file.startsWith(host + "s1/page-"))
          .noneMatch(file -> file.equals(host + "after-slow.html"))
          .anyMatch(file -> file.matches("localhost_\\d+/away\\.html"))
          .anyMatch(file -> file.matches("127\\.0\\.0\\.1_\\d+/same-host-other-port\\.html"));
      assertThat(out.resolve(host + "files/data.bin")).hasSize(4096);
      assertThat(site.otherHostRequests())
          .contains("/robots.txt", "/away.html")
          .doesNotContain("/more.html");
    }
  }
}
