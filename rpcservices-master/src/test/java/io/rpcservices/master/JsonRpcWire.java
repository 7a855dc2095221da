package io.rpcservices.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.JsonValues;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
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
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Calls a running master with JSON-RPC 2.0 over HTTP (java.net.http), as an outside client. */
public final class JsonRpcWire {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonRpcCodec codec = new JsonRpcCodec(Limits.DEFAULT);
  private final AtomicLong ids = new AtomicLong();
  private final String url;
  private final String path;

  /** Calls {@code /jsonrpc} of {@code master}. */
  public JsonRpcWire(Master master) {
    this(master, "/jsonrpc");
  }

  /** Calls {@code path}, such as {@code /groups/web/jsonrpc}, of {@code master}. */
  public JsonRpcWire(Master master, String path) {
    this.url = master.url();
    this.path = path;
  }

  /** Calls {@code method} with positional parameters and returns the response. */
  public RpcResponse call(String method, @Nullable Object... params) {
    return call(new JsonRpcParams.Positional(Arrays.asList(params)), method, null);
  }

  /** Calls {@code method} with named parameters and returns the response. */
  public RpcResponse callNamed(String method, Map<String, @Nullable Object> params) {
    return call(new JsonRpcParams.Named(params), method, null);
  }

  /** Calls {@code method} with an {@code X-Rpc-Timeout} of {@code timeout} seconds. */
  public RpcResponse callWithin(String timeout, String method, @Nullable Object... params) {
    return call(new JsonRpcParams.Positional(Arrays.asList(params)), method, timeout);
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

  /** Posts JSON text and returns the raw response. */
  public HttpResponse<byte[]> post(String json) {
    return post(json.getBytes(StandardCharsets.UTF_8), null);
  }

  /** Posts JSON text and returns the answer's JSON tree (the body must not be empty). */
  public @Nullable Object postTree(String json) {
    HttpResponse<byte[]> response = post(json);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return JsonValues.read(new String(response.body(), StandardCharsets.UTF_8));
  }

  /** The JSON tree of {@code json} text, for comparing documents regardless of layout. */
  public static @Nullable Object tree(String json) {
    return JsonValues.read(json);
  }

  private RpcResponse call(JsonRpcParams params, String method, @Nullable String timeout) {
    JsonRpcId id = JsonRpcId.of(ids.incrementAndGet());
    byte[] body = codec.encode(new JsonRpcMessage.Request(id, method, params));
    HttpResponse<byte[]> response = post(body, timeout);
    assertThat(response.statusCode()).isEqualTo(200);
    return codec.decodeResponses(new ByteArrayInputStream(response.body())).get(id);
  }

  private HttpResponse<byte[]> post(byte[] body, @Nullable String timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .timeout(TIMEOUT)
            .POST(BodyPublishers.ofByteArray(body));
    if (timeout != null) {
      request.header("X-Rpc-Timeout", timeout);
    }
    try {
      return http.send(request.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
