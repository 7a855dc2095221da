package io.rpcservices.examples.webcrawler;

/**
 * How the loading of one URL ended: its final state in {@code visited}, the counter of the {@code
 * crawl} storage it adds one to, and the bytes saved.
 */
record Outcome(String state, String counter, long bytes) {

  /** The page was saved, {@code bytes} long. */
  static Outcome saved(long bytes) {
    return new Outcome("saved", "pagesSaved", bytes);
  }

  /** The URL redirects to {@code target}, which is admitted in its place if the crawl may go. */
  static Outcome redirect(String target) {
    return new Outcome("redirect: " + target, "redirects", 0);
  }

  /** The URL was left alone on purpose: robots.txt, the page limit, content not wanted. */
  static Outcome skipped(String why) {
    return new Outcome("skipped: " + why, "skipped", 0);
  }

  /** Loading or saving failed. */
  static Outcome error(String why) {
    return new Outcome("error: " + why, "errors", 0);
  }

  /** Whether the page was saved. */
  boolean isSaved() {
    return counter.equals("pagesSaved");
  }

  /** Whether loading or saving failed. */
  boolean isError() {
    return counter.equals("errors");
  }
}
