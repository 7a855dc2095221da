package io.rpcservices.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the golden XML-RPC documents under {@code src/test/resources/xmlrpc/}. */
final class XmlRpcFixtures {
  private XmlRpcFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = XmlRpcFixtures.class.getResourceAsStream("/xmlrpc/" + name)) {
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

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static InputStream utf8(String document) {
    return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
  }
}
