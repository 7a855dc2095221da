package io.rpcservices.master.store.durable;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import io.rpcservices.protocol.XmlRpcCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Raw XML-RPC calls to a master process over java.net.http, as an outside client makes them. A call
 * whose connection breaks (the master was killed) throws {@link IOException}: its answer was lost,
 * so whether it took effect is unknown.
 */
final class CrashClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);
  private final URI uri;

  CrashClient(int port) {
    this.uri = URI.create("http://127.0.0.1:" + port + "/RPC2");
  }

  /** Calls {@code method}; returns its answer, a {@link Success} or a {@link Fault}. */
  RpcResponse call(String method, @Nullable Object... params)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "text/xml")
            .timeout(Duration.ofSeconds(30))
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    codec.encodeRequest(RpcRequest.of(method, params))))
            .build();
    byte[] body = http.send(request, BodyHandlers.ofByteArray()).body();
    return codec.decodeResponse(new ByteArrayInputStream(body));
  }

  /** Calls {@code method}, which must succeed, and returns its value. */
  @Nullable Object value(String method, @Nullable Object... params)
      throws IOException, InterruptedException {
    RpcResponse response = call(method, params);
    if (response instanceof Success success) {
      return success.value();
    }
    throw new IllegalStateException(method + " failed: " + response);
  }
}
