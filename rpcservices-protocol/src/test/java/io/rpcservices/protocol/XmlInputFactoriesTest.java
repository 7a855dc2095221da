package io.rpcservices.protocol;

import static io.rpcservices.protocol.XmlRpcFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents: the hardened parser refuses them quickly and reveals nothing. */
class XmlInputFactoriesTest {
  private static final String SECRET = "secret-content-7f3a";

  private final XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);

  @TempDir Path directory;

  @Test
  void refuseExternalEntityWithoutRevealingFile() throws IOException {
    String uri = secretFile().toUri().toString();
    String document =
        "<?xml version=\"1.0\"?><!DOCTYPE methodCall [<!ENTITY xxe SYSTEM \""
            + uri
            + "\">]><methodCall><methodName>&xxe;</methodName></methodCall>";

    assertRefusedWithoutSecret(document, uri);
  }

  @Test
  void refuseExternalDtdAndParameterEntity() throws IOException {
    String uri = secretFile().toUri().toString();

    assertRefusedWithoutSecret(
        "<!DOCTYPE methodCall SYSTEM \""
            + uri
            + "\"><methodCall><methodName>a</methodName>"
            + "</methodCall>",
        uri);
    assertRefusedWithoutSecret(
        "<!DOCTYPE methodCall [<!ENTITY % p SYSTEM \""
            + uri
            + "\"> %p;]>"
            + "<methodCall><methodName>a</methodName></methodCall>",
        uri);
  }

  @Test
  void refuseBillionLaughsWithinOneSecond() {
    StringBuilder document = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [");
    document.append("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      document.append("<!ENTITY lol").append(i).append(" \"");
      document.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    document.append("]><methodCall><methodName>&lol9;</methodName></methodCall>");
    codec.decodeRequest(utf8("<methodCall><methodName>warm.up</methodName></methodCall>"));

    assertTimeoutPreemptively(
        Duration.ofSeconds(1), () -> assertParseError(document.toString(), "DTD is not allowed"));
  }

  @Test
  void refuseEntityReferenceWithoutDtd() {
    assertParseError(
        "<methodCall><methodName>&undeclared;</methodName></methodCall>",
        "not well-formed XML at line 1, column 36: Undeclared general entity \"undeclared\"");
  }

  @Test
  void refuseHundredThousandNestedArraysWithoutStackOverflow() {
    String document =
        "<methodCall><methodName>a</methodName><params><param>"
            + "<value><array><data>".repeat(100_000);

    assertThatThrownBy(() -> codec.decodeRequest(utf8(document)))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.REQUEST_TOO_LARGE))
        .hasMessage("values nested deeper than 64 (maxDepth)");
  }

  @Test
  void refuseHundredThousandNestedArraysWhenMaxDepthIsHuge() {
    XmlRpcCodec deep = new XmlRpcCodec(Limits.builder().maxDepth(Integer.MAX_VALUE).build());
    String open = "<value><array><data>".repeat(100_000);
    String close = "</data></array></value>".repeat(100_000);
    String document =
        "<methodCall><methodName>a</methodName><params><param>"
            + open
            + close
            + "</param></params></methodCall>";

    RpcRequest request = deep.decodeRequest(utf8(document));

    Object value = request.params().get(0);
    int depth = 0;
    while (value instanceof java.util.List<?> list && !list.isEmpty()) {
      value = list.get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(99_999);
  }

  @Test
  void refuseHundredThousandNestedUnknownElements() {
    assertThatThrownBy(() -> codec.decodeRequest(utf8("<methodCall>" + "<x>".repeat(100_000))))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("expected <methodName> in <methodCall>, found <x>");
  }

  @Test
  void refuseTooManyValues() {
    XmlRpcCodec small = new XmlRpcCodec(Limits.builder().maxElements(3).build());
    String three =
        "<param><value><array><data><value>a</value><value>b</value></data></array></value></param>";

    assertThat(small.decodeRequest(utf8(call(three))).params()).hasSize(1);
    assertThatThrownBy(() -> small.decodeRequest(utf8(call(three + "<param><value/></param>"))))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.REQUEST_TOO_LARGE))
        .hasMessage("more than 3 values (maxElements)");
  }

  @Test
  void refuseStringLongerThanMaxStringChars() {
    XmlRpcCodec small = new XmlRpcCodec(Limits.builder().maxStringChars(10).build());
    String ten = "0123456789";

    assertThat(
            small.decodeRequest(utf8(call("<param><value>" + ten + "</value></param>"))).params())
        .containsExactly(ten);
    assertTooLarge(
        small,
        call("<param><value><string>" + ten + "x</string></value></param>"),
        "string longer than 10 characters (maxStringChars)");
    assertTooLarge(
        small,
        call("<param><value>" + ten + "<!-- split -->x</value></param>"),
        "string longer than 10 characters (maxStringChars)");
    assertTooLarge(
        small,
        "<methodCall a=\"" + ten + "x\"><methodName>a</methodName></methodCall>",
        "attribute longer than 10 characters (maxStringChars)");
  }

  @Test
  void reportMalformedXmlWithoutTrace() {
    ProtocolException e =
        catchThrowableOfType(
            ProtocolException.class, () -> codec.decodeRequest(utf8("<methodCall><methodName>")));

    assertThat(e.faultCode()).isEqualTo(FaultCode.PARSE_ERROR);
    assertThat(e.getMessage())
        .isEqualTo(
            "not well-formed XML at line 1, column 24: Unexpected EOF; was expecting a close tag"
                + " for element <methodName>");
  }

  private static String call(String params) {
    return "<methodCall><methodName>a</methodName><params>" + params + "</params></methodCall>";
  }

  private Path secretFile() throws IOException {
    Path file = directory.resolve("secret.txt");
    Files.writeString(file, SECRET);
    return file;
  }

  private void assertRefusedWithoutSecret(String document, String uri) {
    ProtocolException e =
        catchThrowableOfType(ProtocolException.class, () -> codec.decodeRequest(utf8(document)));

    assertThat(e.faultCode()).isEqualTo(FaultCode.PARSE_ERROR);
    assertThat(e.getMessage()).isEqualTo("DTD is not allowed");
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain(uri);
  }

  private void assertParseError(String document, String message) {
    assertThatThrownBy(() -> codec.decodeRequest(utf8(document)))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.PARSE_ERROR))
        .hasMessage(message);
  }

  private static void assertTooLarge(XmlRpcCodec codec, String document, String message) {
    assertThatThrownBy(() -> codec.decodeRequest(utf8(document)))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.REQUEST_TOO_LARGE))
        .hasMessage(message);
  }
}
