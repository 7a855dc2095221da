package io.rpcservices.examples.webcrawler;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code urls} stack: a normalised URL, its link distance from the seed it was
 * found from, and the site (host and port) that the crawl of that seed stays on, or {@code null}
 * when it may leave it.
 */
record CrawlItem(String url, int depth, @Nullable String site) {

  /** The item as a wire struct: {@code {url, depth, site}}. */
  Map<String, @Nullable Object> toWire() {
    Map<String, @Nullable Object> struct = new LinkedHashMap<>();
    struct.put("url", url);
    struct.put("depth", depth);
    struct.put("site", site);
    return struct;
  }

  /**
   * The item in {@code value}, as {@link #toWire()} wrote it or as a bare URL string, with its URL
   * normalised.
   *
   * @throws IllegalArgumentException if {@code value} is neither, or its URL is not http(s)
   */
  static CrawlItem of(@Nullable Object value) {
    if (value instanceof String url) {
      return new CrawlItem(canonical(url, value), 0, null);
    }
    if (value instanceof Map<?, ?> struct
        && struct.get("url") instanceof String url
        && struct.get("depth") instanceof Number depth) {
      String site = struct.get("site") instanceof String text ? text : null;
      return new CrawlItem(canonical(url, value), depth.intValue(), site);
    }
    throw new IllegalArgumentException("not a crawl item: " + value);
  }

  private static String canonical(String url, Object value) {
    return UrlNormalizer.normalize(url)
        .map(URI::toString)
        .orElseThrow(() -> new IllegalArgumentException("not a crawl item: " + value));
  }

  /** An item for {@code url}, found on this item's page, one link further from the seed. */
  CrawlItem child(String url) {
    return new CrawlItem(url, depth + 1, site);
  }

  /** An item for {@code url} that this item's URL redirects to: as far from the seed. */
  CrawlItem redirect(String url) {
    return new CrawlItem(url, depth, site);
  }
}
