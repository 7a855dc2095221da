package io.rpcservices.examples.webcrawler;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts http and https URLs into one canonical form, so that one page has one URL: the fragment
 * dropped, scheme and host in lower case, the default port left out, dot segments removed, an empty
 * path as {@code /}, percent escapes in upper case and unreserved characters decoded, characters
 * that may not appear in a URI escaped.
 */
final class UrlNormalizer {
  private static final String HEX = "0123456789ABCDEF";

  private UrlNormalizer() {}

  /** The canonical form of the absolute URL {@code url}, or empty if it is not http(s). */
  static Optional<URI> normalize(String url) {
    try {
      return canonical(new URI(escapeIllegal(url)));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The canonical form of {@code reference} resolved against {@code base}, as a browser would. */
  static Optional<URI> resolve(URI base, String reference) {
    try {
      URI relative = new URI(escapeIllegal(reference));
      String path = relative.getRawPath();
      if (relative.isAbsolute() || relative.getRawAuthority() != null || !path.isEmpty()) {
        return canonical(base.resolve(relative));
      }
      // RFC 3986 keeps the base's path for "?q" and "" (java.net.URI, RFC 2396, does not).
      String query = relative.getRawQuery() != null ? relative.getRawQuery() : base.getRawQuery();
      String target = base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath();
      return canonical(new URI(query == null ? target : target + "?" + query));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The site of a canonical URL: its host, and its port when that is not the default. */
  static String site(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static Optional<URI> canonical(URI uri) throws URISyntaxException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      text.append(uri.getRawUserInfo()).append('@');
    }
    text.append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    if (port != -1 && port != (scheme.equals("http") ? 80 : 443)) {
      text.append(':').append(port);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    text.append(removeDotSegments(path.isEmpty() ? "/" : normalizeEscapes(path)));
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      text.append('?').append(normalizeEscapes(query));
    }
    return Optional.of(new URI(text.toString()));
  }

  /** RFC 3986 section 5.2.4, on an absolute path: {@code /a/./b/../c} is {@code /a/c}. */
  private static String removeDotSegments(String path) {
    Deque<String> kept = new ArrayDeque<>();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("..")) {
        kept.pollLast();
      }
      if (segment.equals(".") || segment.equals("..")) {
        // A trailing dot segment still names a folder: /a/b/.. is /a/.
        if (last) {
          kept.addLast("");
        }
      } else {
        kept.addLast(segment);
      }
    }
    return "/" + String.join("/", kept);
  }

  /** Upper-cases escapes and decodes those of unreserved characters: {@code %7e} is {@code ~}. */
  private static String normalizeEscapes(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%'
          && i + 2 < raw.length()
          && isHex(raw.charAt(i + 1))
          && isHex(raw.charAt(i + 2))) {
        int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
        if (isUnreserved((char) value)) {
          out.append((char) value);
        } else {
          out.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 15));
        }
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escapes what a lenient browser accepts but a URI may not hold: spaces, non-ASCII characters,
   * {@code "<>\^`{|}}, a {@code %} not followed by two hex digits; drops tabs and line breaks.
   */
  private static String escapeIllegal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    String trimmed = text.strip();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      boolean escape =
          c == '%'
              ? i + 2 >= trimmed.length()
                  || !isHex(trimmed.charAt(i + 1))
                  || !isHex(trimmed.charAt(i + 2))
              : c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0;
      if (!escape) {
        out.append(c);
        continue;
      }
      int end = Character.isHighSurrogate(c) && i + 1 < trimmed.length() ? i + 2 : i + 1;
      for (byte b : trimmed.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX.charAt((b >> 4) & 15)).append(HEX.charAt(b & 15));
      }
      i = end - 1;
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isUnreserved(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
