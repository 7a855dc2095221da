package io.rpcservices.examples.webcrawler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each site's {@code robots.txt}, loaded once and kept for a day (RFC 9309): a 4xx answer means no
 * rules, a 5xx answer or no answer means nothing is allowed for now (asked again after a minute),
 * and redirects are followed only on the same host, five at most.
 */
final class RobotsCache {
  private static final Duration KEEP = Duration.ofHours(24);
  private static final Duration KEEP_FAILURE = Duration.ofMinutes(1);
  private static final int MAX_REDIRECTS = 5;
  private static final long MAX_ROBOTS_SIZE = 512 * 1024;

  private final PageFetcher fetcher;
  private final String agent;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Rules loaded with {@code fetcher} for the crawler whose product token is {@code agent}. */
  RobotsCache(PageFetcher fetcher, String agent) {
    this.fetcher = fetcher;
    this.agent = agent;
  }

  /** The rules of the site of the canonical {@code uri}, loading them if needed. */
  RobotsRules rulesFor(URI uri) throws InterruptedException {
    String origin = uri.getScheme() + "://" + UrlNormalizer.site(uri);
    long now = System.nanoTime();
    Entry entry = entries.get(origin);
    if (entry == null || now - entry.expires > 0) {
      entry = load(URI.create(origin + "/robots.txt"), now);
      entries.put(origin, entry);
    }
    return entry.rules;
  }

  private Entry load(URI robots, long now) throws InterruptedException {
    URI target = robots;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<byte[]> response;
      try {
        response = fetcher.send(target, info -> true);
      } catch (IOException e) {
        return new Entry(RobotsRules.disallowAll(), now + KEEP_FAILURE.toNanos());
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return new Entry(RobotsRules.parse(text, agent), now + KEEP.toNanos());
      }
      Optional<URI> next =
          response
              .headers()
              .firstValue("Location")
              .flatMap(location -> UrlNormalizer.resolve(robots, location));
      if (status >= 300 && status < 400 && next.isPresent()) {
        if (!next.get().getHost().equals(robots.getHost())) {
          break;
        }
        target = next.get();
        continue;
      }
      if (status >= 500) {
        return new Entry(RobotsRules.disallowAll(), now + KEEP_FAILURE.toNanos());
      }
      break;
    }
    return new Entry(RobotsRules.allowAll(), now + KEEP.toNanos());
  }

  /** Rules and when to load them again, in {@link System#nanoTime()} terms. */
  private record Entry(RobotsRules rules, long expires) {}
}
