package io.rpcservices.examples.webcrawler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spaces this crawler's requests to one site by at least a delay: its own {@code --delay}, or the
 * site's {@code Crawl-delay} when that is longer.
 */
final class Politeness {
  private final Duration delay;
  private final Map<String, Long> nextAllowed = new HashMap<>();

  /** Politeness with {@code delay} between two requests to one site. */
  Politeness(Duration delay) {
    this.delay = delay;
  }

  /** Waits until a request to {@code site} is allowed, and books the next slot. */
  void awaitTurn(String site, Duration siteDelay) throws InterruptedException {
    long now = System.nanoTime();
    long allowed = nextAllowed.getOrDefault(site, now);
    if (allowed - now > 0) {
      TimeUnit.NANOSECONDS.sleep(allowed - now);
      now = allowed;
    }
    long gap = Math.max(delay.toNanos(), siteDelay.toNanos());
    nextAllowed.put(site, now + gap);
  }
}
