package io.rpcservices.examples.webcrawler;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a crawler reports on each visit to the provider, as one readable line: {@code crawling
 * pages=12 errors=0 http://example.com/a.html}. The state is {@code login}, {@code idle}, {@code
 * crawling}, {@code pausing}, {@code paused} or {@code stopping}; the URL is the page being loaded.
 */
record CrawlerStatus(String state, long pages, long errors, @Nullable String url) {
  private static final Pattern FORMAT =
      Pattern.compile("(\\S+) pages=(\\d+) errors=(\\d+)(?: (.+))?");

  /** The status as the line sent with {@code provider.visit}. */
  String format() {
    String line = state + " pages=" + pages + " errors=" + errors;
    return url == null ? line : line + " " + url;
  }

  /** The status in {@code line}, if it is one that {@link #format()} wrote. */
  static Optional<CrawlerStatus> parse(@Nullable String line) {
    if (line == null) {
      return Optional.empty();
    }
    Matcher matcher = FORMAT.matcher(line);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new CrawlerStatus(
            matcher.group(1),
            Long.parseLong(matcher.group(2)),
            Long.parseLong(matcher.group(3)),
            matcher.group(4)));
  }
}
