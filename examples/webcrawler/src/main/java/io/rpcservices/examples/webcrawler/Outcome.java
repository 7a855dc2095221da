package io.rpcservices.examples.webcrawler;

/**
 * How the loading of one URL ended: its final state in {@code visited}, the counter of the {@code
 * crawl} storage it adds one to, the bytes saved, and the links it admitted to the crawl.
 */
record Outcome(String state, String counter, long bytes, Frontier.Admission links) {

  /** The page was saved, {@code bytes} long, and its {@code links} admitted. */
  static Outcome saved(long bytes, Frontier.Admission links) {
    return new Outcome("saved", "pagesSaved", bytes, links);
  }

  /** The URL redirects to {@code target}, admitted in its place by {@code links} if in scope. */
  static Outcome redirect(String target, Frontier.Admission links) {
    return new Outcome("redirect: " + target, "redirects", 0, links);
  }

  /** The URL was left alone on purpose: robots.txt, the page limit, content not wanted. */
  static Outcome skipped(String why) {
    return new Outcome("skipped: " + why, "skipped", 0, Frontier.Admission.NONE);
  }

  /** Loading or saving failed. */
  static Outcome error(String why) {
    return new Outcome("error: " + why, "errors", 0, Frontier.Admission.NONE);
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
