package io.rpcservices.examples.webcrawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
  private static final String AGENT = "rpcservices-webcrawler";

  @Test
  void disallowsAFolderForEveryone() {
    RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /private/\n", AGENT);
    assertThat(rules.allows("/private/x.html")).isFalse();
    assertThat(rules.allows("/private/")).isFalse();
    assertThat(rules.allows("/private")).isTrue();
    assertThat(rules.allows("/public/x.html")).isTrue();
  }

  @Test
  void prefersTheGroupNamingThisCrawlerOverTheStarGroup() {
    String robots =
        "User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nUser-Agent: RPCservices-Webcrawler\n"
            + "Disallow: /cgi-bin/\n";
    RobotsRules rules = RobotsRules.parse(robots, AGENT);
    assertThat(rules.allows("/index.html")).isTrue();
    assertThat(rules.allows("/cgi-bin/run")).isFalse();
    assertThat(RobotsRules.parse(robots, "otherbot").allows("/index.html")).isFalse();
  }

  @Test
  void letsTheLongestMatchDecideAndAllowWinATie() {
    String robots =
        "user-agent: *\n"
            + "disallow: /shop/\n"
            + "allow: /shop/catalog/\n"
            + "disallow: /shop/catalog/old/\n"
            + "allow: /tie\n"
            + "disallow: /tie\n";
    RobotsRules rules = RobotsRules.parse(robots, AGENT);
    assertThat(rules.allows("/shop/cart")).isFalse();
    assertThat(rules.allows("/shop/catalog/new.html")).isTrue();
    assertThat(rules.allows("/shop/catalog/old/x.html")).isFalse();
    assertThat(rules.allows("/tie")).isTrue();
  }

  @Test
  void matchesWildcardsAndEndAnchors() {
    String robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\n";
    RobotsRules rules = RobotsRules.parse(robots, AGENT);
    assertThat(rules.allows("/docs/report.pdf")).isFalse();
    assertThat(rules.allows("/docs/report.pdf.html")).isTrue();
    assertThat(rules.allows("/page?session=42")).isFalse();
    assertThat(rules.allows("/page?lang=en")).isTrue();
  }

  @Test
  void ignoresCommentsEmptyDisallowsAndUnknownLines() {
    String robots =
        "# hello\nSitemap: http://example.com/sitemap.xml\nUser-agent: * # all\nDisallow:\n"
            + "Noindex: /x\nnonsense\n";
    RobotsRules rules = RobotsRules.parse(robots, AGENT);
    assertThat(rules.allows("/x")).isTrue();
    assertThat(rules.allows("/anything")).isTrue();
  }

  @Test
  void startsANewGroupAtAUserAgentAfterRules() {
    String robots = "User-agent: a\nDisallow: /a/\nUser-agent: *\nDisallow: /star/\n";
    RobotsRules rules = RobotsRules.parse(robots, AGENT);
    assertThat(rules.allows("/a/x")).isTrue();
    assertThat(rules.allows("/star/x")).isFalse();
  }

  @Test
  void readsTheCrawlDelay() {
    RobotsRules rules = RobotsRules.parse("User-agent: *\nCrawl-delay: 1.5\n", AGENT);
    assertThat(rules.crawlDelay()).isEqualTo(Duration.ofMillis(1500));
    assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: soon\n", AGENT).crawlDelay())
        .isZero();
  }

  @Test
  void alwaysAllowsRobotsTxtItself() {
    assertThat(RobotsRules.disallowAll().allows("/robots.txt")).isTrue();
    assertThat(RobotsRules.disallowAll().allows("/index.html")).isFalse();
    assertThat(RobotsRules.allowAll().allows("/index.html")).isTrue();
  }
}
