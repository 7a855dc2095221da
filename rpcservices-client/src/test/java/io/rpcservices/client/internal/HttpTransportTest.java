package io.rpcservices.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.rpcservices.client.ParseError;
import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.StackIndexError;
import io.rpcservices.client.TransportException;
import io.rpcservices.protocol.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a hostile server on loopback: every malformed, oversized, slow or forbidden
 * reply fails the call cleanly with a clear message, and nothing received is deserialized.
 */
class HttpTransportTest {
  private static final String OK_REPLY =
      "<?xml version=\"1.0\"?><methodResponse><params><param><value><string>pong</string>"
          + "</value></param></params></methodResponse>";

  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  @Test
  void readsAWellFormedReplyOverAKeptAliveConnection() {
    RpcClient client = RpcClient.connect(serve(200, OK_REPLY.getBytes(UTF_8)));

    assertThat(client.call("test.ping")).isEqualTo("pong");
    assertThat(client.call(String.class, "test.ping")).isEqualTo("pong");
  }

  @Test
  void refuseDeeplyNestedReply() {
    String nested = "<array><data><value>".repeat(100) + "</value></data></array>".repeat(100);
    String url = serve(200, reply("<value>" + nested + "</value>").getBytes(UTF_8));

    assertThatThrownBy(() -> RpcClient.connect(url).call("test.deep"))
        .isInstanceOf(TransportException.class)
        .hasMessage(
            "test.deep at "
                + url
                + "/RPC2: invalid response: values nested deeper than 64"
                + " (maxDepth)");
  }

  @Test
  void refuseReplyWhoseContentLengthIsOverTheLimit() {
    String url = serve(200, new byte[1 << 20]);
    RpcClient client = RpcClient.builder().url(url).limits(smallBodies()).build();

    assertThatThrownBy(() -> client.call("test.huge"))
        .isInstanceOf(TransportException.class)
        .hasMessage("test.huge at " + url + "/RPC2: response body over 1024 bytes");
  }

  @Test
  void cutOffAnEndlessChunkedReplyAtTheLimit() {
    String url =
        serve(
            exchange -> {
              exchange.sendResponseHeaders(200, 0);
              byte[] chunk = "<methodResponse>".repeat(64).getBytes(UTF_8);
              try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                  out.write(chunk);
                }
              }
            });
    RpcClient client = RpcClient.builder().url(url).limits(smallBodies()).build();

    assertThatThrownBy(() -> client.call("test.endless"))
        .isInstanceOf(TransportException.class)
        .hasMessage("test.endless at " + url + "/RPC2: response body over 1024 bytes");
  }

  @Test
  void failRightAfterTheDeadlineWhenTheReplyTricklesIn() throws IOException {
    String url = trickle();
    RpcClient client = RpcClient.builder().url(url).timeout(Duration.ofSeconds(1)).build();

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> client.call("test.slow"))
                .isInstanceOf(RpcTimeoutException.class)
                .hasMessage("test.slow at " + url + "/RPC2: no answer within 1000 ms"));
  }

  @Test
  void failAfterTheDeadlineWhenTheServerNeverAnswers() throws IOException {
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    servers.add(silent);
    String url = "http://127.0.0.1:" + silent.getLocalPort();
    RpcClient client = RpcClient.builder().url(url).timeout(Duration.ofMillis(300)).build();

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> client.call("test.silent"))
                .isInstanceOf(RpcTimeoutException.class)
                .hasMessage("test.silent at " + url + "/RPC2: no answer within 300 ms"));
  }

  @Test
  void failAnAsyncCallAfterTheDeadline() throws IOException {
    String url = trickle();
    CompletableFuture<Object> call =
        RpcClient.connect(url).withTimeout(Duration.ofMillis(500)).callAsync("test.slow");

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(call::join)
                .cause()
                .isInstanceOf(RpcTimeoutException.class)
                .hasMessage("test.slow at " + url + "/RPC2: no answer within 500 ms"));
  }

  @Test
  void refuseExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE methodResponse [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + reply("<value><string>&xxe;</string></value>");
    String url = serve(200, xxe.getBytes(UTF_8));

    assertThatThrownBy(() -> RpcClient.connect(url).call("test.xxe"))
        .isInstanceOf(TransportException.class)
        .hasMessage("test.xxe at " + url + "/RPC2: invalid response: DTD is not allowed")
        .satisfies(e -> assertThat(messages(e)).doesNotContain("TOP-SECRET-42"));
  }

  @Test
  void refuseEntityReferenceWithoutDtd() {
    String url = serve(200, reply("<value><string>&lol;</string></value>").getBytes(UTF_8));

    assertThatThrownBy(() -> RpcClient.connect(url).call("test.entity"))
        .isInstanceOf(TransportException.class)
        .hasMessage(
            "test.entity at "
                + url
                + "/RPC2: invalid response: not well-formed XML at line 1, column 72: Undeclared"
                + " general entity \"lol\"");
  }

  @Test
  void ignoreFaultCauseAndRaiseThePlainTypedException() {
    String fault =
        "<?xml version=\"1.0\"?><methodResponse><fault><value><struct>"
            + "<member><name>faultCode</name><value><int>100</int></value></member>"
            + "<member><name>faultString</name><value><string>StackIndexError: empty</string>"
            + "</value></member>"
            + "<member><name>faultCause</name><value><base64>rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0"
            + "</base64></value></member>"
            + "</struct></value></fault></methodResponse>";
    String url = serve(200, fault.getBytes(UTF_8));

    assertThatThrownBy(() -> RpcClient.connect(url).call("stack.pop", "in"))
        .isExactlyInstanceOf(StackIndexError.class)
        .hasMessage("StackIndexError: empty")
        .hasNoCause()
        .satisfies(
            e ->
                assertThat(((RemoteFaultException) e).fault().data())
                    .isEqualTo(Map.of("type", "StackIndexError")));
  }

  @Test
  void refuseReplyWithTwoParams() {
    String two =
        "<methodResponse><params><param><value><int>1</int></value></param>"
            + "<param><value><int>2</int></value></param></params></methodResponse>";
    String url = serve(200, two.getBytes(UTF_8));

    assertThatThrownBy(() -> RpcClient.connect(url).call("test.two"))
        .isInstanceOf(TransportException.class)
        .hasMessage(
            "test.two at "
                + url
                + "/RPC2: invalid response: methodResponse must hold exactly one"
                + " param, found 2");
  }

  @Test
  void reportHttpStatus500WithoutItsHtmlBody() {
    String html = "<html><body><h1>500 Internal Server Error</h1></body></html>";
    String url = serve(500, html.getBytes(UTF_8));

    assertThatThrownBy(() -> RpcClient.connect(url).call("test.broken"))
        .isInstanceOf(TransportException.class)
        .hasMessage("test.broken at " + url + "/RPC2: HTTP status 500 (expected: 200)");
  }

  @Test
  void reportConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    assertThatThrownBy(() -> RpcClient.connect(url).call("test.nobody"))
        .isInstanceOf(TransportException.class)
        .hasMessage("test.nobody at " + url + "/RPC2: cannot connect");
  }

  @Test
  void tellTheMasterTheTimeoutInDecimalSeconds() {
    List<String> headers = new ArrayList<>();
    String url =
        serve(
            exchange -> {
              headers.add(exchange.getRequestHeaders().getFirst("X-Rpc-Timeout"));
              byte[] body = OK_REPLY.getBytes(UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            });
    RpcClient client = RpcClient.connect(url);

    client.call("test.ping");
    client.withTimeout(Duration.ofMillis(1500)).call("test.ping");
    client.withTimeout(Duration.ofMillis(250)).call("test.ping");

    assertThat(headers).containsExactly("30", "1.5", "0.25");
  }

  @Test
  void postJsonRpcAndReadTheAnswerById() {
    List<String> requests = new ArrayList<>();
    String url = serveJson(requests, "{\"jsonrpc\":\"2.0\",\"result\":[42,\"x\"],\"id\":1}");
    RpcClient client = RpcClient.connect(url + "/jsonrpc");

    assertThat(client.call("test.pair", 6, "x")).isEqualTo(List.of(42, "x"));
    assertThat(requests)
        .containsExactly(
            "{\"jsonrpc\":\"2.0\",\"method\":\"test.pair\",\"params\":[6,\"x\"],\"id\":1}");
  }

  @Test
  void raiseTheErrorThatAnswersAnUnreadableJsonRpcRequest() {
    String url =
        serveJson(
            new ArrayList<>(),
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"ParseError: bad\","
                + "\"data\":{\"type\":\"ParseError\"}},\"id\":null}");

    assertThatThrownBy(() -> RpcClient.connect(url + "/jsonrpc").call("test.any"))
        .isExactlyInstanceOf(ParseError.class)
        .hasMessage("ParseError: bad");
  }

  @Test
  void matchJsonRpcBatchAnswersToTheirCallsWhateverTheirOrder() {
    String url =
        serveJson(
            new ArrayList<>(),
            "[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":100,\"message\":\"StackIndexError: empty\"},"
                + "\"id\":2},{\"jsonrpc\":\"2.0\",\"result\":\"pong\",\"id\":1}]");

    List<Object> results =
        RpcClient.connect(url + "/jsonrpc")
            .batch()
            .call("master.ping")
            .call("stack.pop", "in")
            .execute();

    assertThat(results.get(0)).isEqualTo("pong");
    assertThat(results.get(1))
        .isExactlyInstanceOf(StackIndexError.class)
        .hasFieldOrPropertyWithValue("message", "StackIndexError: empty");
  }

  @Test
  void refuseJsonRpcReplyWithoutTheCallsId() {
    String url = serveJson(new ArrayList<>(), "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":7}");

    assertThatThrownBy(() -> RpcClient.connect(url + "/jsonrpc").call("test.other"))
        .isInstanceOf(TransportException.class)
        .hasMessage(
            "test.other at "
                + url
                + "/jsonrpc: invalid response: no response with id 1 (expected: one)");
  }

  private String serveJson(List<String> requests, String reply) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            requests.add(new String(in.readAllBytes(), UTF_8));
          }
          byte[] body = reply.getBytes(UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    servers.add(() -> server.stop(0));
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String reply(String value) {
    return "<?xml version=\"1.0\"?><methodResponse><params><param>"
        + value
        + "</param></params></methodResponse>";
  }

  private static Limits smallBodies() {
    return Limits.builder().maxBodyBytes(1024).build();
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  private String serve(int status, byte[] body) {
    return serve(
        exchange -> {
          exchange
              .getResponseHeaders()
              .set("Content-Type", status == 200 ? "text/xml" : "text/html");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
  }

  private String serve(HttpHandler handler) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              in.readAllBytes();
            }
            handler.handle(exchange);
          });
      server.start();
      servers.add(() -> server.stop(0));
      return "http://127.0.0.1:" + server.getAddress().getPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A raw server that sends the headers of a long reply, then one byte every 100 ms. */
  private String trickle() throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    servers.add(listener);
    Thread thread =
        new Thread(
            () -> {
              try (Socket socket = listener.accept()) {
                OutputStream out = socket.getOutputStream();
                out.write(
                    ("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: "
                            + (OK_REPLY.length() * 10)
                            + "\r\n\r\n")
                        .getBytes(UTF_8));
                byte[] body = OK_REPLY.repeat(10).getBytes(UTF_8);
                for (byte b : body) {
                  out.write(b);
                  out.flush();
                  Thread.sleep(100);
                }
              } catch (IOException | InterruptedException e) {
                // The client hung up, or the test is over: the trickle ends.
              }
            },
            "trickle");
    thread.setDaemon(true);
    thread.start();
    return "http://127.0.0.1:" + listener.getLocalPort();
  }
}
