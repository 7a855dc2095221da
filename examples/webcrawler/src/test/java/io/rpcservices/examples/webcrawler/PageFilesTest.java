package io.rpcservices.examples.webcrawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFilesTest {
  @TempDir Path out;

  private static String path(String url, boolean html) {
    return PageFiles.relativePath(URI.create(url), html).toString();
  }

  @Test
  void mapsFoldersAndIndexPages() {
    assertThat(path("http://example.com/", true)).isEqualTo("example.com/index.html");
    assertThat(path("http://example.com/docs/", true)).isEqualTo("example.com/docs/index.html");
    assertThat(path("http://example.com/docs/a.html", true)).isEqualTo("example.com/docs/a.html");
    assertThat(path("http://example.com:8080/a.htm", true)).isEqualTo("example.com_8080/a.htm");
  }

  @Test
  void givesHtmlPagesWithoutASuffixOneAndLeavesOtherFilesAlone() {
    assertThat(path("http://example.com/about", true)).isEqualTo("example.com/about.html");
    assertThat(path("http://example.com/logo.png", false)).isEqualTo("example.com/logo.png");
    assertThat(path("http://example.com/data", false)).isEqualTo("example.com/data");
  }

  @Test
  void escapesQueriesAndUnsafeCharacters() {
    assertThat(path("http://example.com/search?q=a%20b&lang=en", true))
        .isEqualTo("example.com/search%3Fq%3Da%20b%26lang%3Den.html");
    assertThat(path("http://example.com/a%20b/%C3%A9t%C3%A9.html", true))
        .isEqualTo("example.com/a%20b/%C3%A9t%C3%A9.html");
    assertThat(path("http://example.com/x%2Fy%5C..%2F..%2Fz", false))
        .isEqualTo("example.com/x%2Fy%5C..%2F..%2Fz");
  }

  @Test
  void neverNamesAHiddenFileNorAParentFolder() {
    assertThat(path("http://example.com/.htaccess", false)).isEqualTo("example.com/%2Ehtaccess");
    assertThat(path("http://example.com/%2e%2e/x", false)).isEqualTo("example.com/%2E./x");
    assertThat(path("http://example.com/a//b", false)).isEqualTo("example.com/a/%/b");
  }

  @Test
  void cutsLongNamesWithAHash() {
    String name = "n".repeat(300);
    String saved = path("http://example.com/" + name, false);
    assertThat(saved).startsWith("example.com/" + "n".repeat(103) + "~").hasSize(12 + 120);
    assertThat(path("http://example.com/" + name + "x", false)).isNotEqualTo(saved);
  }

  @Test
  void writesAtomicallyAndReplaces() throws IOException {
    PageFiles files = new PageFiles(out);
    URI page = URI.create("http://example.com/a/b.html");
    files.write(page, true, "first".getBytes(StandardCharsets.UTF_8));
    Path written = files.write(page, true, "second".getBytes(StandardCharsets.UTF_8));

    assertThat(written).isEqualTo(out.resolve("example.com/a/b.html")).hasContent("second");
    try (Stream<Path> partial = Files.list(out.resolve(PageFiles.PARTIAL))) {
      assertThat(partial).isEmpty();
    }
  }
}
