package io.rpcservices.master.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a request path leads: an RPC endpoint (on the master itself or on a group gateway), the
 * WebSocket or the health check.
 *
 * @param kind what the path serves
 * @param group the group of a gateway path such as {@code /groups/web/RPC2}, else {@code null}
 */
record Route(Kind kind, @Nullable String group) {
  /** What a path serves. */
  enum Kind {
    XML_RPC,
    JSON_RPC,
    WEB_SOCKET,
    HEALTH
  }

  private static final Pattern GATEWAY =
      Pattern.compile("/groups/([A-Za-z0-9_.-]+)/(RPC2|jsonrpc)");

  /** The route of {@code path} (without the query), or {@code null} for an unknown path. */
  static @Nullable Route of(String path) {
    switch (path) {
      case "/RPC2":
      case "/":
        return new Route(Kind.XML_RPC, null);
      case "/jsonrpc":
        return new Route(Kind.JSON_RPC, null);
      case "/ws":
        return new Route(Kind.WEB_SOCKET, null);
      case "/health":
        return new Route(Kind.HEALTH, null);
      default:
        Matcher gateway = GATEWAY.matcher(path);
        if (!gateway.matches()) {
          return null;
        }
        Kind kind = gateway.group(2).equals("RPC2") ? Kind.XML_RPC : Kind.JSON_RPC;
        return new Route(kind, gateway.group(1));
    }
  }

  /** Whether the path takes RPC calls by {@code POST}. */
  boolean takesCalls() {
    return kind == Kind.XML_RPC || kind == Kind.JSON_RPC;
  }
}
