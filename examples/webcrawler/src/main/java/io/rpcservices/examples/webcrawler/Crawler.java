package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.Reservation;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.StackIndexError;
import io.rpcservices.client.TransportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One crawler's loop: reserve a URL, claim it, check {@code robots.txt} and the page limit, wait
 * for its turn on the site, load it, save it, admit its links, record the outcome, acknowledge.
 * Nothing is lost if the process dies anywhere in between: the reservation comes back after its
 * lease (see {@link Frontier}).
 */
final class Crawler {
  /** How long one reserve call waits on an empty stack before it looks at the crawl again. */
  static final Duration WAIT = Duration.ofSeconds(2);

  private static final long RETRY_MILLIS = 1000;

  private final Frontier frontier;
  private final PageFetcher fetcher;
  private final RobotsCache robots;
  private final LinkExtractor extractor;
  private final PageFiles files;
  private final Politeness politeness;
  private final CrawlerControl control;
  private final Duration lease;
  private final boolean exitWhenDone;
  private final PrintWriter log;

  Crawler(
      Frontier frontier,
      PageFetcher fetcher,
      RobotsCache robots,
      LinkExtractor extractor,
      PageFiles files,
      Politeness politeness,
      CrawlerControl control,
      Duration lease,
      boolean exitWhenDone,
      PrintWriter log) {
    this.frontier = frontier;
    this.fetcher = fetcher;
    this.robots = robots;
    this.extractor = extractor;
    this.files = files;
    this.politeness = politeness;
    this.control = control;
    this.lease = lease;
    this.exitWhenDone = exitWhenDone;
    this.log = log;
  }

  /** Crawls until told to stop or, with {@code exitWhenDone}, until the crawl is over. */
  void run() throws InterruptedException {
    while (control.awaitRunning()) {
      try {
        if (!step()) {
          return;
        }
      } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
        // The master is away or refused a call: what was reserved comes back after its lease.
        log.println("crawler: " + e.getMessage());
        log.flush();
        TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
      }
    }
  }

  /** Takes and handles one item; returns {@code false} when the crawl is over and we may exit. */
  private boolean step() throws InterruptedException {
    Reservation reservation;
    try {
      reservation = frontier.take(lease, WAIT);
    } catch (StackIndexError empty) {
      control.idle();
      return !(exitWhenDone && frontier.isDone());
    }
    if (control.holdsBack()) {
      reservation.release();
      return true;
    }
    CrawlItem item;
    try {
      item = CrawlItem.of(reservation.data());
    } catch (IllegalArgumentException e) {
      log.println("crawler: dropped " + e.getMessage());
      reservation.ack();
      return true;
    }
    Frontier.Start start = frontier.start(item.url());
    if (start.claim() == Frontier.Claim.DONE) {
      frontier.returnSlot();
      reservation.ack();
      return true;
    }
    control.working(item.url());
    Outcome outcome;
    try {
      outcome = crawl(item, start.slot(), start.claim() == Frontier.Claim.AGAIN);
    } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
      throw e;
    } catch (RuntimeException e) {
      // A page that breaks the parser (or worse) must not stop the crawl, nor come back forever.
      outcome = Outcome.error(e.toString());
    }
    if (frontier.finish(item.url(), outcome, reservation)) {
      control.finished(outcome);
    }
    log.println(outcome.state() + " " + item.url());
    log.flush();
    control.idle();
    return true;
  }

  private Outcome crawl(CrawlItem item, Frontier.Slot slot, boolean again)
      throws InterruptedException {
    URI uri = URI.create(item.url());
    RobotsRules rules = robots.rulesFor(uri);
    String pathAndQuery =
        uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    if (!rules.allows(pathAndQuery)) {
      frontier.returnSlot();
      return Outcome.skipped("robots.txt");
    }
    if (slot.overLimit()) {
      frontier.returnSlot();
      return Outcome.skipped("max pages");
    }
    politeness.awaitTurn(UrlNormalizer.site(uri), rules.crawlDelay());
    FetchResult result = fetcher.fetch(uri);
    try {
      if (result instanceof FetchResult.Html html) {
        return savePage(item, uri, html, slot, again);
      }
      if (result instanceof FetchResult.Other other) {
        byte[] body = other.body();
        if (body == null) {
          return Outcome.skipped("content type " + other.contentType());
        }
        files.write(uri, false, body);
        return Outcome.saved(body.length, Frontier.Admission.NONE);
      }
      if (result instanceof FetchResult.Redirect redirect) {
        return follow(item, uri, redirect, again);
      }
      return Outcome.error(((FetchResult.Failure) result).reason());
    } catch (IOException e) {
      return Outcome.error("cannot save: " + e.getMessage());
    }
  }

  private Outcome savePage(
      CrawlItem item, URI uri, FetchResult.Html html, Frontier.Slot slot, boolean again)
      throws IOException {
    files.write(uri, true, html.body());
    List<CrawlItem> children = new ArrayList<>();
    if (slot.maxDepth() < 0 || item.depth() < slot.maxDepth()) {
      for (String link : extractor.links(html.body(), html.charset(), uri)) {
        if (inScope(item, link)) {
          children.add(item.child(link));
        }
      }
    }
    return Outcome.saved(html.body().length, frontier.admit(children, again));
  }

  private Outcome follow(CrawlItem item, URI uri, FetchResult.Redirect redirect, boolean again) {
    Optional<URI> target = UrlNormalizer.resolve(uri, redirect.location());
    if (target.isEmpty()) {
      return Outcome.error("HTTP " + redirect.status() + " to a bad location");
    }
    String link = target.get().toString();
    List<CrawlItem> next = inScope(item, link) ? List.of(item.redirect(link)) : List.of();
    return Outcome.redirect(link, frontier.admit(next, again));
  }

  /** Whether {@code link}, found from {@code item}, stays on the site its crawl is bound to. */
  private static boolean inScope(CrawlItem item, String link) {
    return item.site() == null || item.site().equals(UrlNormalizer.site(URI.create(link)));
  }
}
