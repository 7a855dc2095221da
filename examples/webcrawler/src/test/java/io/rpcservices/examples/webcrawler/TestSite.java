package io.rpcservices.examples.webcrawler;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generated site on loopback for the crawler to mirror, which records every request it gets.
 *
 * <p>{@code /} links to the first of {@code pages} pages {@code /s<k>/page-<i>.html} (folder {@code
 * k = i % 10}), to the ten folder indexes {@code /s<k>/}, and to the special pages. Page {@code i}
 * links to page {@code i + 1}, so every page is reachable, and to seven others, back to its folder
 * and the root, so there are cycles everywhere; links are written relative to the folder, relative
 * with {@code ..}, absolute paths, absolute URLs, with fragments, and with an upper case scheme and
 * dot segments. Special pages: {@code /redirect} (302 to {@code /target.html}, which is linked
 * directly too), {@code /redirect-private} (302 into the forbidden folder), {@code /redirect-away}
 * (302 to the other host), {@code /missing.html} (404), {@code /slow.html} (answers after a delay,
 * or when {@link #openSlowGate()} is called, and alone links {@code /after-slow.html}), {@code
 * /files/data.bin} (binary), {@code /search?q=rpc&lang=en}, {@code /docs/a b.html} (linked with a
 * raw space), {@code /private/...} (forbidden by {@code robots.txt}, linked from many pages),
 * {@code /orphans/...} (exist but are not linked), and links to another host, a second server that
 * no request should ever reach.
 */
final class TestSite implements AutoCloseable {
  private static final String ROBOTS = "User-agent: *\nDisallow: /private/\n";

  private final HttpServer server;
  private final HttpServer otherHost;
  private final ExecutorService executor = Executors.newFixedThreadPool(32);
  private final int pageCount;
  private final Duration latency;
  private final CountDownLatch slowGate;
  private final Duration slowDelay;
  private final Map<String, byte[]> pages = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final List<String> otherHostRequests = new ArrayList<>();
  private final byte[] binary = new byte[4096];

  private TestSite(int pageCount, Duration latency, Duration slowDelay, boolean gatedSlowPage)
      throws IOException {
    this.pageCount = pageCount;
    this.latency = latency;
    this.slowGate = new CountDownLatch(gatedSlowPage ? 1 : 0);
    this.slowDelay = slowDelay;
    // Headers and body go out as two writes: without TCP_NODELAY, Nagle holds the body back until
    // the client's delayed ACK of the headers, 40 ms later.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = HttpServer.create(new InetSocketAddress(loopback, 0), 100);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    otherHost = HttpServer.create(new InetSocketAddress(loopback, 0), 10);
    otherHost.createContext("/", this::serveOtherHost);
    otherHost.setExecutor(executor);
    new Random(42).nextBytes(binary);
    generate();
    server.start();
    otherHost.start();
  }

  /**
   * A site of {@code pageCount} pages whose pages answer after {@code latency}, and the slow page
   * after 800 ms more.
   */
  static TestSite start(int pageCount, Duration latency) throws IOException {
    return new TestSite(pageCount, latency, Duration.ofMillis(800), false);
  }

  /** A site whose pages all answer after {@code latency}, the slow page too. */
  static TestSite uniform(int pageCount, Duration latency) throws IOException {
    return new TestSite(pageCount, latency, Duration.ZERO, false);
  }

  /** A site whose slow page answers only once {@link #openSlowGate()} is called. */
  static TestSite withGatedSlowPage(int pageCount) throws IOException {
    return new TestSite(pageCount, Duration.ZERO, Duration.ZERO, true);
  }

  /** The root URL, the crawl's seed. */
  String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The folder under the output folder that the site's pages are saved in. */
  String folder() {
    return "127.0.0.1_" + server.getAddress().getPort();
  }

  /** Lets the slow page answer. */
  void openSlowGate() {
    slowGate.countDown();
  }

  /**
   * The files a mirror of the site must hold, by path under the output folder, with their content:
   * every page reachable from the root without the forbidden folder, once each.
   */
  Map<String, byte[]> expectedFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String host = folder() + "/";
    pages.forEach(
        (path, content) -> {
          if (path.startsWith("/orphans/")) {
            return;
          }
          String file = path.endsWith("/") ? path + "index.html" : path;
          file =
              file.replace(" ", "%20").replace("?", "%3F").replace("=", "%3D").replace("&", "%26");
          files.put(host + file.substring(1) + (file.endsWith(".html") ? "" : ".html"), content);
        });
    return files;
  }

  /** The paths of the pages {@link #expectedFiles()} holds, as requested. */
  List<String> expectedPaths() {
    return pages.keySet().stream()
        .filter(path -> !path.startsWith("/orphans/"))
        .map(path -> path.replace(" ", "%20"))
        .toList();
  }

  /** How often each path (with its query) was requested. */
  Map<String, Integer> requests() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    requests.forEach((path, count) -> counts.put(path, count.get()));
    return counts;
  }

  /** The requests the other host got: none, if the crawler stays on the site. */
  List<String> otherHostRequests() {
    synchronized (otherHostRequests) {
      return List.copyOf(otherHostRequests);
    }
  }

  @Override
  public void close() {
    slowGate.countDown();
    server.stop(0);
    otherHost.stop(0);
    executor.shutdownNow();
  }

  private void generate() {
    int port = server.getAddress().getPort();
    String other = "http://localhost:" + otherHost.getAddress().getPort();
    String otherPort = "http://127.0.0.1:" + otherHost.getAddress().getPort();
    Random random = new Random(7);
    StringBuilder root = new StringBuilder();
    link(root, "s0/page-0.html");
    for (int k = 0; k < 10; k++) {
      link(root, "/s" + k + "/");
    }
    for (String special :
        List.of(
            "/redirect",
            "/redirect-private",
            "/redirect-away",
            "/missing.html",
            "/slow.html",
            "files/data.bin",
            "/search?q=rpc&amp;lang=en",
            "/docs/a b.html",
            "/private/secret-0.html",
            other + "/away.html",
            otherPort + "/same-host-other-port.html")) {
      link(root, special);
    }
    pages.put("/", page("root", root));
    for (int k = 0; k < 10; k++) {
      StringBuilder index = new StringBuilder();
      for (int i = k; i < pageCount; i += 10) {
        link(index, "page-" + i + ".html");
      }
      link(index, "../");
      pages.put("/s" + k + "/", page("index " + k, index));
    }
    for (int i = 0; i < pageCount; i++) {
      StringBuilder body = new StringBuilder();
      List<Integer> targets =
          new ArrayList<>(List.of((i + 1) % pageCount, i / 2, (i * 7 + 3) % pageCount));
      for (int r = 0; r < 4; r++) {
        targets.add(random.nextInt(pageCount));
      }
      for (int j = 0; j < targets.size(); j++) {
        link(body, pageLink(i, targets.get(j), (i + j) % 6, port));
      }
      link(body, "./");
      link(body, "/");
      if (i % 50 == 0) {
        link(body, "/private/secret-" + i + ".html");
        link(body, other + "/page-" + i + ".html");
        link(body, "../files/data.bin");
      }
      if (i == 5) {
        link(body, "/target.html");
      }
      pages.put("/s" + (i % 10) + "/page-" + i + ".html", page("page " + i, body));
    }
    pages.put("/target.html", page("target", new StringBuilder()));
    StringBuilder slow = new StringBuilder();
    link(slow, "after-slow.html");
    pages.put("/slow.html", page("slow", slow));
    pages.put("/after-slow.html", page("after slow", new StringBuilder()));
    pages.put("/search?q=rpc&lang=en", page("search", new StringBuilder()));
    pages.put("/docs/a b.html", page("a b", new StringBuilder()));
    pages.put("/orphans/page-0.html", page("orphan", new StringBuilder()));
  }

  private static String pageLink(int from, int to, int form, int port) {
    String folder = "s" + (to % 10);
    String name = "page-" + to + ".html";
    return switch (form) {
      case 0 -> from % 10 == to % 10 ? name : "../" + folder + "/" + name;
      case 1 -> "../" + folder + "/" + name;
      case 2 -> "/" + folder + "/" + name;
      case 3 -> "http://127.0.0.1:" + port + "/" + folder + "/" + name;
      case 4 -> "/" + folder + "/" + name + "#part-2";
      default -> "HTTP://127.0.0.1:" + port + "/" + folder + "/./x/../" + name;
    };
  }

  private static void link(StringBuilder body, String href) {
    body.append("<li><a href=\"").append(href).append("\">").append(href).append("</a></li>\n");
  }

  private static byte[] page(String title, StringBuilder links) {
    String html =
        "<!DOCTYPE html>\n<html><head><title>"
            + title
            + "</title></head>\n<body><h1>"
            + title
            + "</h1>\n<ul>\n"
            + links
            + "</ul></body></html>\n";
    return html.getBytes(UTF_8);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String key = query == null ? target : target + "?" + query;
    requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    try {
      String path = exchange.getRequestURI().getPath();
      String page = query == null ? path : path + "?" + exchange.getRequestURI().getQuery();
      if (!path.equals("/robots.txt")) {
        pause(latency);
      }
      switch (path) {
        case "/robots.txt" -> send(exchange, 200, "text/plain", ROBOTS.getBytes(UTF_8));
        case "/redirect" -> redirect(exchange, "/target.html");
        case "/redirect-private" -> redirect(exchange, "/private/redirected.html");
        case "/redirect-away" ->
            redirect(exchange, "http://localhost:" + otherHost.getAddress().getPort() + "/");
        case "/files/data.bin" -> send(exchange, 200, "application/octet-stream", binary);
        case "/slow.html" -> {
          pause(slowDelay);
          await(slowGate);
          send(exchange, 200, "text/html; charset=utf-8", pages.get(page));
        }
        default -> {
          byte[] content = pages.get(page);
          if (content == null) {
            send(exchange, 404, "text/html", "<h1>not found</h1>".getBytes(UTF_8));
          } else {
            send(exchange, 200, "text/html; charset=utf-8", content);
          }
        }
      }
    } finally {
      exchange.close();
    }
  }

  private void serveOtherHost(HttpExchange exchange) throws IOException {
    synchronized (otherHostRequests) {
      otherHostRequests.add(exchange.getRequestURI().toString());
    }
    try {
      send(exchange, 200, "text/html", "<a href=\"/more.html\">more</a>".getBytes(UTF_8));
    } finally {
      exchange.close();
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The site's simulated latency: a real server takes time to answer, too. */
  private static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch gate) {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
