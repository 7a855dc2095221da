package io.rpcservices.examples.webcrawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.client.Reservation;
import io.rpcservices.client.StackIndexError;
import io.rpcservices.testing.MasterExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The crawl's shared state in a real master, driven as crawlers would, including dead ones. */
class FrontierTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final CrawlItem ROOT = new CrawlItem("http://a.test/", 0, "a.test");

  @RegisterExtension final MasterExtension master = MasterExtension.builder().build();

  private Frontier frontier() {
    return Frontier.open(master.client());
  }

  private static List<CrawlItem> children(String... paths) {
    return Arrays.stream(paths).map(path -> ROOT.child("http://a.test/" + path)).toList();
  }

  @Test
  void admitsEachUrlOnce() {
    Frontier frontier = frontier();
    Frontier.Admission first = frontier.admit(children("x", "y"), false);
    Frontier.Admission second = frontier.admit(children("y", "z"), false);

    assertThat(first.push())
        .extracting(CrawlItem::url)
        .containsExactly("http://a.test/x", "http://a.test/y");
    assertThat(second.push()).extracting(CrawlItem::url).containsExactly("http://a.test/z");
    assertThat(second.admitted()).isEqualTo(1);
  }

  @Test
  void aCrawlGoesFromSeedToDone() {
    Frontier frontier = frontier();
    frontier.push(frontier.admit(List.of(ROOT), false));
    assertThat(frontier.isDone()).isFalse();

    Reservation root = frontier.take(LEASE, Duration.ZERO);
    assertThat(CrawlItem.of(root.data())).isEqualTo(ROOT);
    assertThat(frontier.start(ROOT.url()).claim()).isEqualTo(Frontier.Claim.FIRST);
    Outcome saved = Outcome.saved(10, frontier.admit(children("x"), false));
    assertThat(frontier.finish(ROOT.url(), saved, root)).isTrue();
    assertThat(frontier.isDone()).isFalse();

    Reservation x = frontier.take(LEASE, Duration.ZERO);
    assertThat(frontier.start("http://a.test/x").claim()).isEqualTo(Frontier.Claim.FIRST);
    assertThat(frontier.finish("http://a.test/x", Outcome.error("HTTP 404"), x)).isTrue();

    assertThat(frontier.isDone()).isTrue();
    CrawlStats stats = frontier.stats();
    assertThat(List.of(stats.admitted(), stats.fetched(), stats.pagesSaved(), stats.errors()))
        .containsExactly(2L, 2L, 1L, 1L);
    assertThat(List.of(stats.pending(), stats.bytesSaved())).containsExactly(0L, 10L);
    assertThatThrownBy(() -> frontier.take(LEASE, Duration.ZERO))
        .isInstanceOf(StackIndexError.class);
  }

  @Test
  void aDeadCrawlersUrlIsLoadedAgainAndItsUnpushedLinksPushedAgain() {
    Frontier frontier = frontier();
    frontier.push(frontier.admit(List.of(ROOT), false));
    Reservation dead = frontier.take(Duration.ofSeconds(1), Duration.ZERO);
    assertThat(frontier.start(ROOT.url()).claim()).isEqualTo(Frontier.Claim.FIRST);
    // It admitted x and died before pushing it: x is queued, on no stack.
    frontier.admit(children("x"), false);
    assertThat(frontier.isDone()).isFalse();

    Reservation again = frontier.take(LEASE, Duration.ofSeconds(30));
    assertThat(again.ticket()).isNotEqualTo(dead.ticket());
    assertThat(frontier.start(ROOT.url()).claim()).isEqualTo(Frontier.Claim.AGAIN);
    Frontier.Admission links = frontier.admit(children("x"), true);
    assertThat(links.push()).extracting(CrawlItem::url).containsExactly("http://a.test/x");
    assertThat(links.admitted()).isZero();
    assertThat(frontier.finish(ROOT.url(), Outcome.saved(1, links), again)).isTrue();
    assertThat(dead.ack()).isFalse();

    Reservation x = frontier.take(LEASE, Duration.ZERO);
    assertThat(CrawlItem.of(x.data()).url()).isEqualTo("http://a.test/x");
  }

  @Test
  void aUrlFinishedTwiceCountsOnce() {
    Frontier frontier = frontier();
    frontier.push(frontier.admit(List.of(ROOT, ROOT.child("http://a.test/dup")), false));
    frontier.push(new Frontier.Admission(List.of(ROOT), 0));
    Reservation first = frontier.take(LEASE, Duration.ZERO);
    Reservation second = frontier.take(LEASE, Duration.ZERO);
    assertThat(frontier.start(ROOT.url()).claim()).isEqualTo(Frontier.Claim.FIRST);
    assertThat(frontier.start(ROOT.url()).claim()).isEqualTo(Frontier.Claim.AGAIN);

    assertThat(frontier.finish(ROOT.url(), Outcome.saved(5, Frontier.Admission.NONE), first))
        .isTrue();
    assertThat(frontier.finish(ROOT.url(), Outcome.saved(5, Frontier.Admission.NONE), second))
        .isFalse();
    assertThat(frontier.start(ROOT.url()).claim()).isEqualTo(Frontier.Claim.DONE);

    CrawlStats stats = frontier.stats();
    assertThat(List.of(stats.pagesSaved(), stats.bytesSaved(), stats.pending()))
        .containsExactly(1L, 5L, 1L);
  }

  @Test
  void aSlotOverTheLimitIsGivenBack() {
    Frontier frontier = frontier();
    frontier.configure(1, 3);
    frontier.push(frontier.admit(children("a", "b"), false));

    Frontier.Slot first = frontier.start("http://a.test/a").slot();
    Frontier.Slot second = frontier.start("http://a.test/b").slot();
    assertThat(first.overLimit()).isFalse();
    assertThat(second.overLimit()).isTrue();
    assertThat(second.maxDepth()).isEqualTo(3);
    frontier.returnSlot();
    assertThat(frontier.stats().fetched()).isEqualTo(1);
  }

  @Test
  void aUrlPushedByHandIsAdmittedWhenTaken() {
    Frontier frontier = frontier();
    master.client().stack().createStack(Frontier.URLS).push("http://a.test/by-hand");
    Reservation reservation = frontier.take(LEASE, Duration.ZERO);
    CrawlItem item = CrawlItem.of(reservation.data());

    assertThat(item).isEqualTo(new CrawlItem("http://a.test/by-hand", 0, null));
    assertThat(frontier.start(item.url()).claim()).isEqualTo(Frontier.Claim.FIRST);
    assertThat(frontier.stats().admitted()).isEqualTo(1);
  }

  @Test
  void resetForgetsTheCrawl() {
    Frontier frontier = frontier();
    frontier.configure(10, null);
    frontier.push(frontier.admit(List.of(ROOT), false));
    frontier.reset();

    assertThat(frontier.queued()).isZero();
    assertThat(frontier.stats().maxPages()).isEqualTo(-1);
    assertThat(frontier.admit(List.of(ROOT), false).admitted()).isEqualTo(1);
  }
}
