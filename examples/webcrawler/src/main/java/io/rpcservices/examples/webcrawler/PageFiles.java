package io.rpcservices.examples.webcrawler;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where pages go under the output folder, and how they get there: {@code
 * http://example.com:8080/docs/a%20b.html?x=1} is saved as {@code
 * example.com_8080/docs/a%20b.html%3Fx%3D1.html}. Each path segment is decoded and escaped again so
 * that only {@code [A-Za-z0-9._~-]} and {@code %XX} remain, a leading dot is escaped (no hidden
 * files, no {@code ..}), an empty final segment is {@code index.html}, an HTML page whose name does
 * not end in {@code .html} or {@code .htm} gets {@code .html}, and a segment over 120 characters is
 * cut and completed with a hash. A file is written to {@code .partial/} first and then moved into
 * place in one atomic step, so that a reader never sees half a page.
 */
final class PageFiles {
  /** The folder under the output folder that holds files being written. */
  static final String PARTIAL = ".partial";

  private static final int MAX_SEGMENT = 120;
  private static final String HEX = "0123456789ABCDEF";

  private final Path root;

  PageFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The output folder. */
  Path root() {
    return root;
  }

  /** The path, relative to the output folder, of the page at the canonical {@code uri}. */
  static Path relativePath(URI uri, boolean html) {
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + "_" + uri.getPort();
    String rawPath =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String[] segments = rawPath.substring(1).split("/", -1);
    Path path = Path.of(bounded(escape(host)));
    for (int i = 0; i < segments.length - 1; i++) {
      // "%" alone never comes out of escape(): an empty segment cannot meet a real one.
      path = path.resolve(segments[i].isEmpty() ? "%" : bounded(escape(decode(segments[i]))));
    }
    String last = segments[segments.length - 1];
    String name = last.isEmpty() ? "index.html" : escape(decode(last));
    if (uri.getRawQuery() != null) {
      name += "%3F" + escape(decode(uri.getRawQuery()));
    }
    name = bounded(name);
    String lower = name.toLowerCase(Locale.ROOT);
    if (html && !lower.endsWith(".html") && !lower.endsWith(".htm")) {
      name += ".html";
    }
    return path.resolve(name);
  }

  /**
   * Writes {@code content} as the page at {@code uri}, replacing what was there, and returns its
   * path under the output folder.
   */
  Path write(URI uri, boolean html, byte[] content) throws IOException {
    Path target = root.resolve(relativePath(uri, html)).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IOException("path outside the output folder: " + target);
    }
    Files.createDirectories(target.getParent());
    Path partial = Files.createDirectories(root.resolve(PARTIAL));
    Path temporary = Files.createTempFile(partial, "page", ".part");
    try {
      Files.write(temporary, content);
      // Same file system, so a rename: the page appears whole or not at all.
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** {@code escaped} with a leading dot escaped, cut to a bounded length. */
  private static String bounded(String escaped) {
    String name = escaped.startsWith(".") ? "%2E" + escaped.substring(1) : escaped;
    if (name.length() <= MAX_SEGMENT) {
      return name;
    }
    return name.substring(0, MAX_SEGMENT - 17) + "~" + hash(name);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '-') {
        out.append(c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
      }
    }
    return out.toString();
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
