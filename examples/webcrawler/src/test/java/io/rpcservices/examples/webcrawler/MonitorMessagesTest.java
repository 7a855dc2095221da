package io.rpcservices.examples.webcrawler;

import static io.rpcservices.examples.webcrawler.CrawlerProcesses.awaitCondition;
import static io.rpcservices.examples.webcrawler.CrawlerProcesses.control;
import static io.rpcservices.examples.webcrawler.CrawlerProcesses.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.client.RpcClient;
import io.rpcservices.examples.webcrawler.CrawlerProcesses.CommandRun;
import io.rpcservices.testing.MasterExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code control monitor --send pause|resume|stop} steers crawler processes through the master. */
class MonitorMessagesTest {
  @RegisterExtension final MasterExtension master = MasterExtension.builder().build();

  @TempDir Path out;

  @Test
  void pausedCrawlersTakeNothingAndStoppedOnesExit() throws Exception {
    try (TestSite site = TestSite.start(30, Duration.ZERO);
        CrawlerProcesses crawlers = new CrawlerProcesses(master.url(), out)) {
      crawlers.start("crawler-a");
      crawlers.start("crawler-b");
      RpcClient client = master.client();
      crawlers.awaitLoggedIn(client);

      CommandRun pause = control("monitor", "--url", master.url(), "--send", "pause");
      assertThat(pause.out()).isEqualTo("sent pause to crawler-a, crawler-b\n");
      awaitState(client, "crawler-a", "paused");
      awaitState(client, "crawler-b", "paused");

      control("addurl", "--url", master.url(), site.rootUrl());
      // Both keep visiting while paused; two visits each after the seed, and it is still there.
      long visitsA = client.provider().getClient("crawler-a").visits();
      long visitsB = client.provider().getClient("crawler-b").visits();
      awaitCondition(
          "two more visits of each crawler",
          () ->
              client.provider().getClient("crawler-a").visits() >= visitsA + 2
                  && client.provider().getClient("crawler-b").visits() >= visitsB + 2);
      Frontier frontier = Frontier.open(client);
      assertThat(frontier.queued()).isEqualTo(1);
      assertThat(site.requests()).isEmpty();

      CommandRun resume =
          control("monitor", "--url", master.url(), "--send", "resume", "--to", "crawler-a");
      assertThat(resume.out()).isEqualTo("sent resume to crawler-a\n");
      awaitCondition("the crawl is done", frontier::isDone);
      int pages = site.expectedFiles().size();
      awaitCondition(
          "crawler-a reports idle with " + pages + " pages",
          () ->
              status(client, "crawler-a")
                  .filter(status -> status.state().equals("idle") && status.pages() == pages)
                  .isPresent());
      assertThat(status(client, "crawler-b"))
          .get()
          .extracting(CrawlerStatus::state, CrawlerStatus::pages)
          .containsExactly("paused", 0L);

      CommandRun view = control("monitor", "--url", master.url(), "--once");
      assertThat(view.out())
          .contains("crawl     done\n")
          .contains("pages     " + pages + " saved")
          .containsPattern("crawler-a +\\S+ +idle +" + pages + " +1 +[-0-9]+ [0-9:]+ +-\n")
          .containsPattern("crawler-b +\\S+ +paused +0 +0 +[-0-9]+ [0-9:]+ +-\n");

      CommandRun nobody =
          control("monitor", "--url", master.url(), "--send", "stop", "--to", "nobody");
      assertThat(nobody.exitCode()).isEqualTo(1);
      assertThat(nobody.err()).isEqualTo("monitor: no crawler named nobody\n");

      CommandRun stop = control("monitor", "--url", master.url(), "--send", "stop");
      assertThat(stop.out()).isEqualTo("sent stop to crawler-a, crawler-b\n");
      assertThat(crawlers.awaitExit("crawler-a")).as(crawlers.log("crawler-a")).isZero();
      assertThat(crawlers.awaitExit("crawler-b")).as(crawlers.log("crawler-b")).isZero();
      assertThat(client.provider().getAllClientNames()).isEmpty();
    }
  }

  private static void awaitState(RpcClient client, String name, String state)
      throws InterruptedException {
    awaitCondition(
        name + " reports " + state,
        () -> status(client, name).map(CrawlerStatus::state).filter(state::equals).isPresent());
  }
}
