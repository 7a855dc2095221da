package io.rpcservices.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a client's calls go, from a URL and an optional protocol.
 *
 * <p>A URL without a path goes to the protocol's default path. Without a protocol, a {@code ws} or
 * {@code wss} URL means {@link Protocol#WEBSOCKET}, a path ending in {@code /jsonrpc} means {@link
 * Protocol#JSON_RPC}, anything else {@link Protocol#XML_RPC}. With {@link Protocol#WEBSOCKET}, an
 * {@code http} URL becomes a {@code ws} one.
 *
 * @param protocol the protocol of the calls
 * @param uri where the calls go, such as {@code http://127.0.0.1:8000/RPC2}
 */
record Endpoint(Protocol protocol, URI uri) {
  static final String EXPECTED = " (expected: an http, https, ws or wss URL)";

  /**
   * The endpoint of {@code url} with {@code protocol}, or the protocol the URL implies if null.
   *
   * @throws IllegalArgumentException if the URL is not of one of the four schemes, has no host, or
   *     is a WebSocket URL for an HTTP protocol
   */
  static Endpoint of(String url, @Nullable Protocol protocol) {
    URI uri = parse(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean webSocket = scheme.equals("ws") || scheme.equals("wss");
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    Protocol chosen = protocol;
    if (chosen == null) {
      chosen =
          webSocket
              ? Protocol.WEBSOCKET
              : path.endsWith("/jsonrpc") ? Protocol.JSON_RPC : Protocol.XML_RPC;
    } else if (webSocket && chosen != Protocol.WEBSOCKET) {
      throw new IllegalArgumentException(
          "url: " + url + " (expected: an http or https URL for " + chosen + ")");
    }
    if (chosen == Protocol.WEBSOCKET && !webSocket) {
      uri = withScheme(uri, scheme.equals("https") ? "wss" : "ws");
    }
    return new Endpoint(
        chosen, path.isEmpty() || path.equals("/") ? uri.resolve(chosen.defaultPath()) : uri);
  }

  /** The WebSocket {@code /ws} of the master that {@code url} points to. */
  static URI webSocketOf(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("https") || scheme.equals("wss");
    return withScheme(uri, secure ? "wss" : "ws").resolve(Protocol.WEBSOCKET.defaultPath());
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url: " + url + EXPECTED, e);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http")
            || scheme.equalsIgnoreCase("https")
            || scheme.equalsIgnoreCase("ws")
            || scheme.equalsIgnoreCase("wss"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("url: " + url + EXPECTED);
    }
    return uri;
  }

  private static URI withScheme(URI uri, String scheme) {
    try {
      return new URI(scheme, uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url: " + uri + EXPECTED, e);
    }
  }
}
