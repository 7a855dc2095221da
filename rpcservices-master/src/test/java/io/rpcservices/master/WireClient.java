package io.rpcservices.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import io.rpcservices.protocol.XmlRpcCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Calls a running master over HTTP with java.net.http, as an outside client would. */
public final class WireClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);
  private final String url;
  private final String path;

  public WireClient(Master master) {
    this(master, "/RPC2");
  }

  /** Calls {@code path}, such as {@code /groups/web/RPC2}, of {@code master}. */
  public WireClient(Master master, String path) {
    this.url = master.url();
    this.path = path;
  }

  /** Calls {@code method} and returns the response. */
  public RpcResponse call(String method, @Nullable Object... params) {
    HttpResponse<byte[]> response = post(path, codec.encodeRequest(RpcRequest.of(method, params)));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
    return codec.decodeResponse(new ByteArrayInputStream(response.body()));
  }

  /** Calls {@code method}, which must succeed, and returns its value. */
  public @Nullable Object value(String method, @Nullable Object... params) {
    RpcResponse response = call(method, params);
    assertThat(response).isInstanceOf(Success.class);
    return ((Success) response).value();
  }

  /** Calls {@code method}, which must fail, and returns the fault. */
  public Fault fault(String method, @Nullable Object... params) {
    RpcResponse response = call(method, params);
    assertThat(response).isInstanceOf(Fault.class);
    return (Fault) response;
  }

  /** Posts {@code body} to {@code path} and returns the raw response. */
  public HttpResponse<byte[]> post(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "text/xml")
            .timeout(TIMEOUT)
            .POST(BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Posts XML text to {@code /RPC2} and decodes the answer, which must be a fault. */
  public Fault faultFor(String xml) {
    HttpResponse<byte[]> response = post("/RPC2", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    RpcResponse decoded = codec.decodeResponse(new ByteArrayInputStream(response.body()));
    assertThat(decoded).isInstanceOf(Fault.class);
    return (Fault) decoded;
  }

  /** Sends {@code request} and returns the response. */
  public HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The URL of {@code path} on the master. */
  public URI uri(String path) {
    return URI.create(url + path);
  }
}
