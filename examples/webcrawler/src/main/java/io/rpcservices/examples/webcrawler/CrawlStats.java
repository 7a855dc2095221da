package io.rpcservices.examples.webcrawler;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code crawl} storage read at one moment: limits (negative: none) and counters. */
record CrawlStats(
    long maxPages,
    long maxDepth,
    long admitted,
    long fetched,
    long pagesSaved,
    long bytesSaved,
    long redirects,
    long skipped,
    long errors,
    long pending,
    long startedAt,
    long lastSavedAt) {

  /** The statistics in {@code parameters}, the {@code crawl} storage's. */
  static CrawlStats of(Map<String, @Nullable Object> parameters) {
    return new CrawlStats(
        number(parameters, "maxPages", -1),
        number(parameters, "maxDepth", -1),
        number(parameters, "admitted", 0),
        number(parameters, "fetched", 0),
        number(parameters, "pagesSaved", 0),
        number(parameters, "bytesSaved", 0),
        number(parameters, "redirects", 0),
        number(parameters, "skipped", 0),
        number(parameters, "errors", 0),
        number(parameters, "pending", 0),
        number(parameters, "startedAt", 0),
        number(parameters, "lastSavedAt", 0));
  }

  /**
   * Pages saved per second from the start of the crawl to its last saved page, or to {@code
   * nowMillis} if none was saved yet; zero before the start.
   */
  double pagesPerSecond(long nowMillis) {
    long end = lastSavedAt > 0 ? lastSavedAt : nowMillis;
    long elapsed = end - startedAt;
    return startedAt <= 0 || elapsed <= 0 ? 0 : pagesSaved * 1000.0 / elapsed;
  }

  private static long number(Map<String, @Nullable Object> parameters, String name, long absent) {
    return parameters.get(name) instanceof Number number ? number.longValue() : absent;
  }
}
