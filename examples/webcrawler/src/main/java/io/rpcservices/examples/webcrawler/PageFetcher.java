package io.rpcservices.examples.webcrawler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Loads pages with {@code java.net.http}: a connect timeout and a deadline for the whole exchange,
 * body included; a size cap; redirects reported, not followed, so that the crawler checks each
 * target (site, {@code robots.txt}, visited) before anything is requested from it.
 */
final class PageFetcher {
  private static final long ERROR_BODY_LIMIT = 64 * 1024;

  private final HttpClient http;
  private final String userAgent;
  private final Duration timeout;
  private final long maxSize;
  private final boolean wantOther;

  /**
   * A fetcher that sends {@code userAgent}, gives up after {@code timeout}, refuses bodies over
   * {@code maxSize} bytes, and reads content other than HTML only if {@code wantOther}.
   */
  PageFetcher(String userAgent, Duration timeout, long maxSize, boolean wantOther) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.userAgent = userAgent;
    this.timeout = timeout;
    this.maxSize = maxSize;
    this.wantOther = wantOther;
  }

  /** Loads {@code uri}. */
  FetchResult fetch(URI uri) throws InterruptedException {
    HttpResponse<byte[]> response;
    try {
      response = send(uri, info -> isHtml(info) || wantOther);
    } catch (IOException e) {
      return new FetchResult.Failure(describe(e));
    }
    int status = response.statusCode();
    Optional<String> location = response.headers().firstValue("Location");
    if (status >= 300 && status < 400 && location.isPresent()) {
      return new FetchResult.Redirect(status, location.get());
    }
    if (status < 200 || status >= 300) {
      return new FetchResult.Failure("HTTP " + status);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (isHtml(contentType)) {
      return new FetchResult.Html(response.body(), charset(contentType));
    }
    return new FetchResult.Other(contentType, wantOther ? response.body() : null);
  }

  /**
   * Sends a GET for {@code uri} and reads the body of a 2xx answer if {@code wantBody} says so, up
   * to the size cap; other answers' bodies are read up to 64 KB and dropped.
   */
  HttpResponse<byte[]> send(URI uri, Predicate<ResponseInfo> wantBody)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", userAgent)
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(
            request,
            info -> {
              boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
              long limit = !success ? ERROR_BODY_LIMIT : wantBody.test(info) ? maxSize : 0;
              return new LimitedBody(limit);
            });
    try {
      // The request's own timeout ends with the headers; this deadline covers the body too.
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new IOException("timeout after " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
    }
  }

  private static boolean isHtml(ResponseInfo info) {
    return isHtml(info.headers().firstValue("Content-Type").orElse(""));
  }

  /** Whether {@code contentType} names HTML; a missing type counts as HTML, as browsers sniff. */
  private static boolean isHtml(String contentType) {
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  private static @Nullable String charset(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.strip().split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String name = pair[1].strip().replace("\"", "");
        return supported(name) ? name : null;
      }
    }
    return null;
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
  }
}
