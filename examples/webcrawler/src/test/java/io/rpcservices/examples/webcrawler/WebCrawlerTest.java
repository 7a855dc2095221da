package io.rpcservices.examples.webcrawler;

import static io.rpcservices.examples.webcrawler.CrawlerProcesses.awaitCondition;
import static io.rpcservices.examples.webcrawler.CrawlerProcesses.control;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.client.RpcClient;
import io.rpcservices.testing.MasterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawler end to end: a real master, three crawler processes, a generated site of 600 pages on
 * loopback; the mirror must hold every reachable, allowed page exactly once, with its content, and
 * nothing else, also when a crawler is killed in the middle of a page.
 */
class WebCrawlerTest {
  private static final int PAGES = 600;
  private static final List<String> CRAWLERS = List.of("crawler-1", "crawler-2", "crawler-3");

  @RegisterExtension final MasterExtension master = MasterExtension.builder().build();

  @TempDir Path out;

  @Test
  void threeCrawlersMirrorEveryAllowedPageOnce() throws Exception {
    try (TestSite site = TestSite.start(PAGES, Duration.ZERO);
        CrawlerProcesses crawlers = new CrawlerProcesses(master.url(), out)) {
      for (String name : CRAWLERS) {
        crawlers.start(name, "--exit-when-done");
      }
      crawlers.awaitLoggedIn(master.client());

      assertThat(control("addurl", "--url", master.url(), site.rootUrl()).out())
          .isEqualTo("added " + site.rootUrl() + "\n");

      for (String name : CRAWLERS) {
        assertThat(crawlers.awaitExit(name)).as(crawlers.log(name)).isZero();
      }
      assertMirror(site);
      // No crawler died: no page was loaded twice, and the counters are exact.
      for (String path : site.expectedPaths()) {
        assertThat(site.requests().get(path)).as(path).isEqualTo(1);
      }
      CrawlStats stats = Frontier.open(master.client()).stats();
      assertThat(stats.pagesSaved()).isEqualTo(site.expectedFiles().size());
      assertThat(stats.pending()).isZero();
      // Each crawler logged out as it exited.
      assertThat(master.client().provider().getAllClientNames()).isEmpty();
    }
  }

  @Test
  void aCrawlerKilledInTheMiddleOfAPageLosesNothing() throws Exception {
    try (TestSite site = TestSite.withGatedSlowPage(PAGES);
        CrawlerProcesses crawlers = new CrawlerProcesses(master.url(), out)) {
      for (String name : CRAWLERS) {
        crawlers.start(name, "--exit-when-done", "--lease", "3");
      }
      RpcClient client = master.client();
      crawlers.awaitLoggedIn(client);
      control("addurl", "--url", master.url(), site.rootUrl());

      // The slow page holds whoever loads it until the gate opens: kill that crawler there.
      String slow = site.rootUrl() + "slow.html";
      String[] holder = new String[1];
      awaitCondition(
          "a crawler reports loading " + slow,
          () -> {
            for (String name : CRAWLERS) {
              if (CrawlerProcesses.status(client, name)
                  .filter(status -> slow.equals(status.url()))
                  .isPresent()) {
                holder[0] = name;
                return true;
              }
            }
            return false;
          });
      crawlers.process(holder[0]).destroyForcibly().waitFor();
      site.openSlowGate();

      for (String name : CRAWLERS) {
        if (!name.equals(holder[0])) {
          assertThat(crawlers.awaitExit(name)).as(crawlers.log(name)).isZero();
        }
      }
      assertMirror(site);
      // The killed crawler's page came back after its lease and was loaded again.
      assertThat(site.requests().get("/slow.html")).isEqualTo(2);
    }
  }

  /** Checks the output folder, the site's request log and the master's state after a crawl. */
  private void assertMirror(TestSite site) throws IOException {
    Map<String, byte[]> expected = site.expectedFiles();
    try (Stream<Path> files = Files.walk(out)) {
      List<String> saved =
          files
              .filter(Files::isRegularFile)
              .map(file -> out.relativize(file).toString())
              .filter(file -> !file.startsWith(PageFiles.PARTIAL + "/"))
              .toList();
      assertThat(saved).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
    for (Map.Entry<String, byte[]> file : expected.entrySet()) {
      assertThat(out.resolve(file.getKey())).as(file.getKey()).hasBinaryContent(file.getValue());
    }
    assertThat(site.requests().keySet())
        .noneMatch(path -> path.startsWith("/private/"))
        .noneMatch(path -> path.startsWith("/orphans/"))
        .contains("/robots.txt", "/redirect", "/target.html", "/missing.html", "/files/data.bin");
    assertThat(site.otherHostRequests()).isEmpty();

    Frontier frontier = Frontier.open(master.client());
    assertThat(frontier.queued()).isZero();
    assertThat(frontier.isDone()).isTrue();
    Map<String, Object> visited =
        master.client().storage().createStorage(Frontier.VISITED).getAllParameters();
    String root = site.rootUrl();
    assertThat(visited)
        .containsEntry(root + "redirect", "redirect: " + root + "target.html")
        .containsEntry(root + "private/secret-0.html", "skipped: robots.txt")
        .containsEntry(root + "private/redirected.html", "skipped: robots.txt")
        .containsEntry(root + "missing.html", "error: HTTP 404")
        .containsEntry(root + "files/data.bin", "skipped: content type application/octet-stream")
        .containsEntry(root + "target.html", "saved");
  }
}
