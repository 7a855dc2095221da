package io.rpcservices.master.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rpcservices.master.Master;
import io.rpcservices.master.RawConnection;
import io.rpcservices.master.TestService;
import io.rpcservices.master.WireClient;
import io.rpcservices.protocol.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hostile request is refused, and a normal call right after it still succeeds. */
class HostileInputTest {
  private static final long MAX_BODY = 16L << 20;

  private final Master master =
      Master.builder().port(0).service("test", new TestService()).build().start();
  private final WireClient client = new WireClient(master);

  @AfterEach
  void closeMaster() {
    master.close();
  }

  private void assertMasterStillServes() {
    assertThat(client.value("test.add", 1, 2)).isEqualTo(3);
  }

  @Test
  void refusesMalformedXml() {
    Fault fault = client.faultFor("<methodCall><methodName>test.add</methodName><params>");
    assertThat(fault.code()).isEqualTo(-32700);
    assertThat(fault.message()).startsWith("ParseError: ");
    assertMasterStillServes();
  }

  @Test
  void neverReadsExternalEntities(@TempDir Path directory) throws IOException {
    Path secret = directory.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE methodCall [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]><methodCall><methodName>test.echo</methodName><params><param><value>"
            + "<string>&xxe;</string></value></param></params></methodCall>";
    HttpResponse<byte[]> response = client.post("/RPC2", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .doesNotContain("TOP-SECRET")
        .contains("<int>-32700</int>");
    assertMasterStillServes();
  }

  @Test
  void refusesBillionLaughsQuickly() {
    assertMasterStillServes();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [");
    xml.append("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"");
      xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    xml.append("]><methodCall><methodName>test.echo</methodName><params><param><value><string>")
        .append("&lol9;</string></value></param></params></methodCall>");
    Fault fault =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> client.faultFor(xml.toString()));
    assertThat(fault.code()).isEqualTo(-32700);
    assertMasterStillServes();
  }

  @Test
  void refusesDeepNesting() {
    int depth = 100_000;
    String xml =
        "<methodCall><methodName>test.array</methodName><params><param>"
            + "<value><array><data>".repeat(depth)
            + "</data></array></value>".repeat(depth)
            + "</param></params></methodCall>";
    Fault fault = client.faultFor(xml);
    assertThat(fault.code()).isEqualTo(413);
    assertMasterStillServes();
  }

  @Test
  void refusesUnknownMethodAndWrongParameters() {
    assertThat(client.fault("test.nothingHere").message())
        .isEqualTo("MethodNotFound: no such method: test.nothingHere");
    assertThat(client.fault("test.add", 1).message())
        .isEqualTo("InvalidParams: test.add takes 2 parameters, received 1");
    assertThat(client.fault("test.add", 1, "two").message())
        .isEqualTo("InvalidParams: test.add parameter 2: expected int, received string");
    assertThat(client.fault("test.crash").message()).isEqualTo("InternalError: internal error");
    assertThat(client.fault("test.unencodable").message())
        .isEqualTo("InternalError: internal error");
    assertMasterStillServes();
  }

  @Test
  void answersHugeContentLengthAtOnce() throws IOException {
    try (RawConnection connection = new RawConnection(master, 5_000)) {
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
              + "Content-Length: 67108864\r\n\r\n");
      RawConnection.Response response = connection.read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(response.body()).isEqualTo("request body larger than 16777216 bytes");
      assertThat(connection.isClosedByPeer()).isTrue();
    }
    assertMasterStillServes();
  }

  @Test
  void refusesStreamedHugeBodyWithoutReadingIt() throws Exception {
    long size = 100L << 20;
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: "
              + size
              + "\r\n\r\n");
      AtomicLong sent = new AtomicLong();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(() -> stream(connection, size, sent));
      assertThat(connection.read().status()).isEqualTo(413);
      writer.get(30, TimeUnit.SECONDS);
      assertThat(sent.get()).isLessThan(size / 2);
    }
    assertMasterStillServes();
  }

  @Test
  void refusesChunkedBodyOverCap() throws Exception {
    try (RawConnection connection = new RawConnection(master, 10_000)) {
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      AtomicLong sent = new AtomicLong();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(() -> streamChunks(connection, MAX_BODY + (1 << 20), sent));
      RawConnection.Response response = connection.read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.header("Connection")).isEqualTo("close");
      writer.get(30, TimeUnit.SECONDS);
    }
    assertMasterStillServes();
  }

  @Test
  void refusesCompressedBody() throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(RawConnection.call("test.echo", "x").getBytes(StandardCharsets.UTF_8));
    }
    try (RawConnection connection = new RawConnection(master, 5_000)) {
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: "
              + gzipped.size()
              + "\r\n\r\n");
      connection.send(gzipped.toByteArray());
      RawConnection.Response response = connection.read();
      assertThat(response.status()).isEqualTo(415);
      assertThat(response.body())
          .isEqualTo("unsupported Content-Encoding: gzip (expected: identity)");
    }
    assertMasterStillServes();
  }

  @Test
  void refusesOversizedHeaders() throws IOException {
    try (RawConnection connection = new RawConnection(master, 5_000)) {
      connection.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000) + "\r\n\r\n");
      assertThat(connection.read().status()).isEqualTo(431);
      assertThat(connection.isClosedByPeer()).isTrue();
    }
    assertMasterStillServes();
  }

  @Test
  void refusesMalformedHttp() throws IOException {
    try (RawConnection connection = new RawConnection(master, 5_000)) {
      connection.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n");
      assertThat(connection.read().status()).isEqualTo(400);
      assertThat(connection.isClosedByPeer()).isTrue();
    }
    assertMasterStillServes();
  }

  @Test
  void closesStalledConnectionAndServesOthers() throws IOException {
    try (Master impatient =
            Master.builder()
                .port(0)
                .idleTimeout(Duration.ofMillis(300))
                .service("test", new TestService())
                .build()
                .start();
        RawConnection stalled = new RawConnection(impatient, 10_000)) {
      stalled.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n<methodCall>");
      assertThat(new WireClient(impatient).value("test.add", 2, 2)).isEqualTo(4);
      assertThat(stalled.isClosedByPeer()).isTrue();
      assertThat(new WireClient(impatient).value("test.add", 3, 3)).isEqualTo(6);
    }
  }

  @Test
  void closesIdleConnectionButNotOneWithCallInFlight() throws IOException {
    try (Master impatient =
            Master.builder()
                .port(0)
                .idleTimeout(Duration.ofMillis(500))
                .service("test", new TestService())
                .build()
                .start();
        RawConnection idle = new RawConnection(impatient, 10_000);
        RawConnection waiting = new RawConnection(impatient, 10_000)) {
      waiting.send(
          RawConnection.post(
              "<methodCall><methodName>test.delayed</methodName><params><param><value><int>2000"
                  + "</int></value></param></params></methodCall>"));
      assertThat(idle.isClosedByPeer()).isTrue();
      assertThat(waiting.read().body()).contains("<string>done</string>");
    }
  }

  @Test
  void keepsConnectionOfWaitingPopOpenPastIdleTimeout() {
    try (Master impatient =
        Master.builder().port(0).idleTimeout(Duration.ofMillis(300)).build().start()) {
      WireClient waiting = new WireClient(impatient);
      waiting.value("stack.create", "jobs");
      Fault fault = waiting.fault("stack.pop", "jobs", 1);
      assertThat(fault.code()).isEqualTo(100);
    }
  }

  private static void stream(RawConnection connection, long size, AtomicLong sent) {
    byte[] block = new byte[64 * 1024];
    try {
      while (sent.get() < size) {
        connection.send(block);
        sent.addAndGet(block.length);
      }
    } catch (IOException expected) {
      // The master closed the connection: the point of the test.
    }
  }

  private static void streamChunks(RawConnection connection, long size, AtomicLong sent) {
    byte[] block = new byte[64 * 1024];
    String header = Integer.toHexString(block.length) + "\r\n";
    try {
      while (sent.get() < size) {
        connection.send(header);
        connection.send(block);
        connection.send("\r\n");
        sent.addAndGet(block.length);
      }
      connection.send("0\r\n\r\n");
    } catch (IOException expected) {
      // The master closed the connection.
    }
  }
}
