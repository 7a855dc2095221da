package io.rpcservices.examples.webcrawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CrawlItemTest {
  @Test
  void travelsAsAStruct() {
    CrawlItem item = new CrawlItem("http://a.test/x", 2, "a.test");
    assertThat(item.toWire())
        .containsExactly(
            Map.entry("url", "http://a.test/x"),
            Map.entry("depth", 2),
            Map.entry("site", "a.test"));
    assertThat(CrawlItem.of(item.toWire())).isEqualTo(item);
  }

  @Test
  void readsABareUrlPushedByHandAndNormalisesIt() {
    assertThat(CrawlItem.of("HTTP://A.test:80/a/../x#top"))
        .isEqualTo(new CrawlItem("http://a.test/x", 0, null));
    assertThat(CrawlItem.of(Map.of("url", "http://A.test", "depth", 1)))
        .isEqualTo(new CrawlItem("http://a.test/", 1, null));
  }

  @Test
  void refusesWhatIsNotACrawlItem() {
    assertThatThrownBy(() -> CrawlItem.of(42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a crawl item: 42");
    assertThatThrownBy(() -> CrawlItem.of("ftp://a.test/x"))
        .hasMessage("not a crawl item: ftp://a.test/x");
    assertThatThrownBy(() -> CrawlItem.of(Map.of("url", "http://a.test/")))
        .hasMessage("not a crawl item: {url=http://a.test/}");
  }

  @Test
  void hasChildrenOneLinkFurtherAndRedirectsAsFar() {
    CrawlItem item = new CrawlItem("http://a.test/x", 2, "a.test");
    assertThat(item.child("http://a.test/y"))
        .isEqualTo(new CrawlItem("http://a.test/y", 3, "a.test"));
    assertThat(item.redirect("http://a.test/z"))
        .isEqualTo(new CrawlItem("http://a.test/z", 2, "a.test"));
  }
}
