package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.ClientRecord;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays out one screen of the monitor: the crawl's progress, then one line per crawler. */
final class MonitorView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private MonitorView() {}

  /**
   * The screen for {@code snapshot} of the master at {@code url}, taken at {@code now} (UTC, and
   * {@code nowMillis} since the epoch).
   */
  static String render(String url, MonitorSnapshot snapshot, LocalDateTime now, long nowMillis) {
    CrawlStats stats = snapshot.stats();
    StringBuilder frame = new StringBuilder();
    frame.append("webcrawler monitor  ").append(url).append("  ").append(TIME.format(now));
    frame.append(" UTC\n\n");
    String state =
        snapshot.done()
            ? "done"
            : stats.admitted() == 0 ? "waiting for a seed (addurl)" : "running";
    frame.append("crawl     ").append(state).append('\n');
    frame
        .append("pages     ")
        .append(stats.pagesSaved())
        .append(" saved (")
        .append(kilobytes(stats.bytesSaved()))
        .append("), ")
        .append(stats.errors())
        .append(" errors, ")
        .append(stats.skipped())
        .append(" skipped, ")
        .append(stats.redirects())
        .append(" redirects\n");
    frame
        .append("urls      ")
        .append(stats.admitted())
        .append(" visited, ")
        .append(snapshot.stackSize())
        .append(" on the stack, ")
        .append(stats.pending())
        .append(" pending\n");
    frame
        .append("speed     ")
        .append(String.format(Locale.ROOT, "%.1f", stats.pagesPerSecond(nowMillis)))
        .append(" pages/s overall\n");
    frame
        .append("limits    max pages ")
        .append(limit(stats.maxPages()))
        .append(", max depth ")
        .append(limit(stats.maxDepth()))
        .append('\n');

    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("CRAWLER", "HOST", "STATUS", "PAGES", "ERRORS", "LAST VISIT (UTC)", "URL"));
    snapshot.crawlers().forEach((name, record) -> rows.add(row(name, record)));
    frame.append("\nCrawlers (").append(rows.size() - 1).append(")\n");
    if (rows.size() == 1) {
      frame.append("  (none: start one with 'control crawler')\n");
      return frame.toString();
    }
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
      }
      frame.append(line.toString().stripTrailing()).append('\n');
    }
    return frame.toString();
  }

  private static List<String> row(String name, ClientRecord record) {
    String host = record.host() == null ? "-" : record.host();
    String visit = record.lastVisit() == null ? "-" : TIME.format(record.lastVisit());
    return CrawlerStatus.parse(record.status())
        .map(
            status ->
                List.of(
                    name,
                    host,
                    status.state(),
                    Long.toString(status.pages()),
                    Long.toString(status.errors()),
                    visit,
                    status.url() == null ? "-" : status.url()))
        .orElseGet(
            () ->
                List.of(
                    name,
                    host,
                    record.status() == null ? "-" : record.status(),
                    "-",
                    "-",
                    visit,
                    "-"));
  }

  private static String limit(long value) {
    return value < 0 ? "none" : Long.toString(value);
  }

  private static String kilobytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }
}
