package io.rpcservices.examples.webcrawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
  private static final URI BASE = URI.create("http://example.com/a/b/page.html");

  private static String resolve(String reference) {
    return UrlNormalizer.resolve(BASE, reference).map(URI::toString).orElse("(none)");
  }

  private static String normalize(String url) {
    return UrlNormalizer.normalize(url).map(URI::toString).orElse("(none)");
  }

  @Test
  void resolvesRelativeReferencesAgainstThePage() {
    assertThat(resolve("other.html")).isEqualTo("http://example.com/a/b/other.html");
    assertThat(resolve("../c/x.html")).isEqualTo("http://example.com/a/c/x.html");
    assertThat(resolve("../../../../x.html")).isEqualTo("http://example.com/x.html");
    assertThat(resolve("/root.html")).isEqualTo("http://example.com/root.html");
    assertThat(resolve("//other.org/x")).isEqualTo("http://other.org/x");
    assertThat(resolve("?q=1")).isEqualTo("http://example.com/a/b/page.html?q=1");
    assertThat(resolve("./")).isEqualTo("http://example.com/a/b/");
    assertThat(resolve("..")).isEqualTo("http://example.com/a/");
  }

  @Test
  void dropsFragments() {
    assertThat(resolve("#top")).isEqualTo("http://example.com/a/b/page.html");
    assertThat(normalize("http://example.com/x.html#part-2"))
        .isEqualTo("http://example.com/x.html");
  }

  @Test
  void lowerCasesSchemeAndHostButNotThePath() {
    assertThat(normalize("HTTP://Example.COM/Some/Path.html"))
        .isEqualTo("http://example.com/Some/Path.html");
  }

  @Test
  void dropsDefaultPortsAndKeepsOthers() {
    assertThat(normalize("http://example.com:80/x")).isEqualTo("http://example.com/x");
    assertThat(normalize("https://example.com:443/x")).isEqualTo("https://example.com/x");
    assertThat(normalize("http://example.com:443/x")).isEqualTo("http://example.com:443/x");
    assertThat(normalize("https://example.com:8443/x")).isEqualTo("https://example.com:8443/x");
  }

  @Test
  void givesAnEmptyPathASlashAndRemovesDotSegments() {
    assertThat(normalize("http://example.com")).isEqualTo("http://example.com/");
    assertThat(normalize("http://example.com/a/./b/../c/./d.html"))
        .isEqualTo("http://example.com/a/c/d.html");
    assertThat(normalize("http://example.com/a/b/..")).isEqualTo("http://example.com/a/");
    assertThat(normalize("http://example.com/a/%2e%2E/b")).isEqualTo("http://example.com/b");
  }

  @Test
  void normalisesEscapes() {
    assertThat(normalize("http://example.com/%7euser/%c3%a9t%C3%A9"))
        .isEqualTo("http://example.com/~user/%C3%A9t%C3%A9");
    assertThat(normalize("http://example.com/a b.html?q=x y"))
        .isEqualTo("http://example.com/a%20b.html?q=x%20y");
    assertThat(normalize("http://example.com/été|100%"))
        .isEqualTo("http://example.com/%C3%A9t%C3%A9%7C100%25");
    assertThat(normalize(" http://example.com/a\n/b\t ")).isEqualTo("http://example.com/a/b");
  }

  @Test
  void dropsAnEmptyQueryAndKeepsOthersAsWritten() {
    assertThat(normalize("http://example.com/x?")).isEqualTo("http://example.com/x");
    assertThat(normalize("http://example.com/x?b=2&a=1")).isEqualTo("http://example.com/x?b=2&a=1");
  }

  @Test
  void refusesWhatIsNotHttp() {
    assertThat(UrlNormalizer.normalize("mailto:someone@example.com")).isEqualTo(Optional.empty());
    assertThat(UrlNormalizer.normalize("javascript:alert(1)")).isEmpty();
    assertThat(UrlNormalizer.normalize("ftp://example.com/file")).isEmpty();
    assertThat(UrlNormalizer.normalize("/relative/only")).isEmpty();
    assertThat(UrlNormalizer.resolve(BASE, "http://[broken/")).isEmpty();
  }

  @Test
  void namesTheSiteByHostAndPort() {
    assertThat(UrlNormalizer.site(URI.create("http://example.com/x"))).isEqualTo("example.com");
    assertThat(UrlNormalizer.site(URI.create("http://127.0.0.1:8080/x")))
        .isEqualTo("127.0.0.1:8080");
  }
}
