package io.rpcservices.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the golden JSON-RPC documents under {@code src/test/resources/jsonrpc/}. */
final class JsonRpcFixtures {
  private JsonRpcFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = JsonRpcFixtures.class.getResourceAsStream("/jsonrpc/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream stream(String name) {
    return new ByteArrayInputStream(bytes(name));
  }

  static InputStream utf8(String document) {
    return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
  }

  static String text(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** The JSON tree of a document, for comparing documents regardless of layout and order. */
  static Object tree(byte[] utf8) {
    return JsonValues.read(text(utf8));
  }

  /** The JSON tree of a document written with single quotes, for readable expectations. */
  static Object tree(String singleQuoted) {
    return JsonValues.read(singleQuoted.replace('\'', '"'));
  }
}
