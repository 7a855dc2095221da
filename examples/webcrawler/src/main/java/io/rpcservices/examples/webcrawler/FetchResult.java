package io.rpcservices.examples.webcrawler;

import org.jspecify.annotations.Nullable;

/** What loading one URL gave. */
sealed interface FetchResult {

  /** An HTML page: its bytes as sent, and the charset the server named, if any. */
  record Html(byte[] body, @Nullable String charset) implements FetchResult {}

  /** Content other than HTML, with its bytes if they were wanted, or {@code null}. */
  record Other(String contentType, byte @Nullable [] body) implements FetchResult {}

  /** A redirect to {@code location}, as the server wrote it (possibly relative). */
  record Redirect(int status, String location) implements FetchResult {}

  /** A failure: an HTTP error status, a timeout, a page too large, a broken connection. */
  record Failure(String reason) implements FetchResult {}
}
