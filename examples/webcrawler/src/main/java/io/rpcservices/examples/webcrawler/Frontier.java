package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.Batch;
import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.Reservation;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.Stack;
import io.rpcservices.client.StackIndexError;
import io.rpcservices.client.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The crawl's shared state in the master, and the only code that changes it.
 *
 * <ul>
 *   <li>Stack {@code urls}: the {@link CrawlItem}s to load, taken with a lease.
 *   <li>Storage {@code visited}: one entry per URL ever admitted, {@code queued} when pushed,
 *       {@code fetching} once a crawler has claimed it, then a final state: {@code saved}, {@code
 *       redirect: <url>}, {@code skipped: <why>} or {@code error: <why>}.
 *   <li>Storage {@code crawl}: limits ({@code maxPages}, {@code maxDepth}) and counters ({@code
 *       admitted}, {@code fetched}, {@code pagesSaved}, {@code bytesSaved}, {@code redirects},
 *       {@code skipped}, {@code errors}, {@code pending}), {@code startedAt} and {@code
 *       lastSavedAt} in epoch milliseconds.
 * </ul>
 *
 * <p>A URL is admitted once: {@code storage.setParameterIfAbsent} in {@code visited} decides which
 * crawler pushes it. Every step is safe to repeat, because a crawler may die anywhere: its
 * reservation comes back after the lease, the claim finds the URL still {@code fetching}, and the
 * page is loaded again ({@link Claim#AGAIN}), pushing once more the links that are still unfinished
 * in case the dead crawler was stopped between admitting and pushing them. The links' push, the
 * final state (a {@code compareAndSet} from {@code fetching}, so each URL counts once), the counts
 * and the acknowledgement go in one batch, which the master carries out whole even if the crawler
 * dies meanwhile. A URL is unfinished until its links are admitted, so the crawl is done exactly
 * when the stack is empty and no entry of {@code visited} is unfinished. The counters are exact
 * unless a crawler dies between two of its calls.
 */
final class Frontier {
  static final String URLS = "urls";
  static final String VISITED = "visited";
  static final String CRAWL = "crawl";
  static final String QUEUED = "queued";
  static final String FETCHING = "fetching";
  private static final String INCREMENT = "storage.increment";

  private final RpcClient client;
  private final Stack urls;
  private final Storage visited;
  private final Storage crawl;

  private Frontier(RpcClient client) {
    this.client = client;
    this.urls = client.stack().createStack(URLS);
    this.visited = client.storage().createStorage(VISITED);
    this.crawl = client.storage().createStorage(CRAWL);
  }

  /** The crawl state of the master that {@code client} talks to, created if missing. */
  static Frontier open(RpcClient client) {
    return new Frontier(client);
  }

  /** Whether {@code state}, a value of {@code visited}, is final. */
  static boolean isFinal(@Nullable Object state) {
    return state != null && !QUEUED.equals(state) && !FETCHING.equals(state);
  }

  /** Reserves the next item for {@code lease}, waiting up to {@code wait} for one. */
  Reservation take(Duration lease, Duration wait) throws StackIndexError {
    return urls.reserve(lease, wait);
  }

  /** How this crawler stands to the URL of a reserved item. */
  enum Claim {
    /** Claimed now: load it. */
    FIRST,
    /** Claimed before by a crawler that died or was too slow: load it again. */
    AGAIN,
    /** Already final: only acknowledge it. */
    DONE
  }

  /**
   * Claims {@code url} for loading ({@code queued} becomes {@code fetching}) and takes a page slot,
   * in one round trip; the caller gives the slot back with {@link #returnSlot()} if it does not
   * load the page after all.
   */
  Start start(String url) {
    List<@Nullable Object> results =
        execute(
            client
                .batch()
                .call("storage.compareAndSet", VISITED, url, QUEUED, FETCHING)
                .call("storage.getParameter", VISITED, url, null)
                .call("storage.getParameter", CRAWL, "maxPages", -1)
                .call("storage.getParameter", CRAWL, "maxDepth", -1)
                .call(INCREMENT, CRAWL, "fetched", 1));
    Slot slot = new Slot(number(results.get(2)), number(results.get(3)), number(results.get(4)));
    if (Boolean.TRUE.equals(results.get(0))) {
      return new Start(Claim.FIRST, slot);
    }
    Object state = results.get(1);
    if (state == null) {
      // Pushed by hand (stack.push urls "http://..."), never admitted: admit it now.
      if (visited.setParameterIfAbsent(url, FETCHING)) {
        execute(
            client
                .batch()
                .call(INCREMENT, CRAWL, "admitted", 1)
                .call(INCREMENT, CRAWL, "pending", 1));
        return new Start(Claim.FIRST, slot);
      }
      state = visited.getParameter(url, null);
    }
    return new Start(isFinal(state) ? Claim.DONE : Claim.AGAIN, slot);
  }

  /** Gives back a slot that {@link #start} took for a page that is not loaded after all. */
  void returnSlot() {
    crawl.increment("fetched", -1);
  }

  /**
   * Admits the {@code items} not admitted before, in {@code visited}; when {@code again}, also
   * takes those still unfinished, to push them once more. Pushes nothing: {@link #finish} or {@link
   * #push} does.
   */
  Admission admit(List<CrawlItem> items, boolean again) {
    if (items.isEmpty()) {
      return Admission.NONE;
    }
    Batch claims = client.batch();
    for (CrawlItem item : items) {
      claims.call("storage.setParameterIfAbsent", VISITED, item.url(), QUEUED);
    }
    List<@Nullable Object> won = execute(claims);
    List<CrawlItem> push = new ArrayList<>();
    List<CrawlItem> lost = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      (Boolean.TRUE.equals(won.get(i)) ? push : lost).add(items.get(i));
    }
    int admitted = push.size();
    if (again && !lost.isEmpty()) {
      Batch states = client.batch();
      lost.forEach(item -> states.call("storage.getParameter", VISITED, item.url(), null));
      List<@Nullable Object> values = execute(states);
      for (int i = 0; i < lost.size(); i++) {
        if (!isFinal(values.get(i))) {
          push.add(lost.get(i));
        }
      }
    }
    return new Admission(push, admitted);
  }

  /** Pushes what {@code admission} admitted, and counts it. */
  void push(Admission admission) {
    if (!admission.push().isEmpty()) {
      execute(addPush(client.batch(), admission));
    }
  }

  /**
   * In one round trip: pushes the links of {@code outcome}, records it as the final state of {@code
   * url} unless another crawler did first, counts it, and acknowledges {@code reservation}. Returns
   * whether this call set the final state; if not, it takes its counts back.
   */
  boolean finish(String url, Outcome outcome, Reservation reservation) {
    Batch batch = addPush(client.batch(), outcome.links());
    int swap = batch.size();
    batch
        .call("storage.compareAndSet", VISITED, url, FETCHING, outcome.state())
        .call(INCREMENT, CRAWL, outcome.counter(), 1)
        .call(INCREMENT, CRAWL, "pending", -1)
        .call(INCREMENT, CRAWL, "bytesSaved", outcome.bytes());
    if (outcome.bytes() > 0) {
      batch.call("storage.setParameter", CRAWL, "lastSavedAt", System.currentTimeMillis());
    }
    List<@Nullable Object> results = execute(batch.call("stack.ack", URLS, reservation.ticket()));
    if (Boolean.TRUE.equals(results.get(swap))) {
      return true;
    }
    // Counted optimistically, to save a round trip; loading a page twice is rare (a lease ran out).
    execute(
        client
            .batch()
            .call(INCREMENT, CRAWL, outcome.counter(), -1)
            .call(INCREMENT, CRAWL, "pending", 1)
            .call(INCREMENT, CRAWL, "bytesSaved", -outcome.bytes()));
    return false;
  }

  /**
   * Whether the crawl is over: nothing on the stack, at least one URL admitted, and none unfinished
   * (so none reserved either). Reads all of {@code visited}, but only when the stack is empty.
   */
  boolean isDone() {
    if (urls.getSize() > 0) {
      return false;
    }
    Map<String, @Nullable Object> states = visited.getAllParameters();
    return !states.isEmpty() && states.values().stream().allMatch(Frontier::isFinal);
  }

  /** The crawl's limits and counters as they are now. */
  CrawlStats stats() {
    return CrawlStats.of(crawl.getAllParameters());
  }

  /** The number of items on the stack, reserved ones not counted. */
  int queued() {
    return urls.getSize();
  }

  /**
   * Sets the crawl's limits ({@code null} leaves one as it is; a negative value means none) and its
   * start time if it has none.
   */
  void configure(@Nullable Integer maxPages, @Nullable Integer maxDepth) {
    if (maxPages != null) {
      crawl.setParameter("maxPages", maxPages);
    }
    if (maxDepth != null) {
      crawl.setParameter("maxDepth", maxDepth);
    }
    crawl.setParameterIfAbsent("startedAt", System.currentTimeMillis());
  }

  /** Forgets the crawl: the stack, every visited URL, the limits and the counters. */
  void reset() {
    urls.truncate();
    visited.remove();
    crawl.remove();
    client.storage().createStorage(VISITED);
    client.storage().createStorage(CRAWL);
  }

  private static long number(@Nullable Object value) {
    return value instanceof Number number ? number.longValue() : -1;
  }

  /** Runs {@code batch}, throwing the first fault among its results. */
  private static List<@Nullable Object> execute(Batch batch) {
    List<@Nullable Object> results = batch.execute();
    for (Object result : results) {
      if (result instanceof RemoteFaultException fault) {
        throw fault;
      }
    }
    return results;
  }

  private static Batch addPush(Batch batch, Admission admission) {
    if (admission.push().isEmpty()) {
      return batch;
    }
    List<Object> items = new ArrayList<>();
    admission.push().forEach(item -> items.add(item.toWire()));
    return batch
        .call("stack.pushAll", URLS, items)
        .call(INCREMENT, CRAWL, "admitted", admission.admitted())
        .call(INCREMENT, CRAWL, "pending", admission.admitted());
  }

  /** Links to push ({@code admitted} of them new, the others pushed again), or none. */
  record Admission(List<CrawlItem> push, int admitted) {
    static final Admission NONE = new Admission(List.of(), 0);
  }

  /** How a crawler starts on a URL: its claim, and the page slot it took. */
  record Start(Claim claim, Slot slot) {}

  /** The crawl's limits (negative: none) and the number of pages fetched, the caller's included. */
  record Slot(long maxPages, long maxDepth, long fetched) {
    /** Whether the caller's page is over the page limit. */
    boolean overLimit() {
      return maxPages >= 0 && fetched > maxPages;
    }
  }
}
