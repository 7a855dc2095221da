package io.rpcservices.master.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.protocol.FaultException;
import org.junit.jupiter.api.Test;

class SubjectPatternTest {
  @Test
  void starMatchesAnyRunOfCharacters() {
    SubjectPattern crawler = SubjectPattern.of("crawler.*");

    assertThat(crawler.matches("crawler.page")).isTrue();
    assertThat(crawler.matches("crawler.page.saved")).isTrue();
    assertThat(crawler.matches("crawler.")).isTrue();
    assertThat(crawler.matches("crawler")).isFalse();
    assertThat(crawler.matches("my.crawler.page")).isFalse();
    assertThat(SubjectPattern.of("*").matches("anything at all")).isTrue();
    assertThat(SubjectPattern.of("*.saved").matches("crawler.page.saved")).isTrue();
    assertThat(SubjectPattern.of("a*b*c").matches("a-x-b-y-c")).isTrue();
    assertThat(SubjectPattern.of("a*b*c").matches("a-x-c-y-b")).isFalse();
  }

  @Test
  void matchesOtherCharactersLiterally() {
    assertThat(SubjectPattern.of("price.(usd)+").matches("price.(usd)+")).isTrue();
    assertThat(SubjectPattern.of("a.b").matches("axb")).isFalse();
  }

  @Test
  void refusesEmptyAndLongPatterns() {
    assertThatThrownBy(() -> SubjectPattern.of(""))
        .isInstanceOf(FaultException.class)
        .hasMessage("InvalidParams: pattern: '' (expected: 1 to 256 characters)");
    assertThatThrownBy(() -> SubjectPattern.of("x".repeat(257)))
        .isInstanceOf(FaultException.class)
        .hasMessageStartingWith("InvalidParams: pattern: 'xxx");
  }

  @Test
  void equalsByText() {
    assertThat(SubjectPattern.of("a.*")).isEqualTo(SubjectPattern.of("a.*"));
    assertThat(SubjectPattern.of("a.*")).isNotEqualTo(SubjectPattern.of("a.b"));
  }
}
