package io.rpcservices.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonRpcIdTest {

  @Test
  void comparesIdsByKindAndText() {
    assertThat(JsonRpcId.of(7)).isEqualTo(new JsonRpcId.NumberId("7"));
    assertThat(JsonRpcId.of(7)).isNotEqualTo(JsonRpcId.of("7"));
    assertThat(new JsonRpcId.NumberId("7.0")).isNotEqualTo(JsonRpcId.of(7));
    assertThat(new JsonRpcId.NullId()).isEqualTo(JsonRpcId.NULL);
  }

  @Test
  void showsIdsAsJsonText() {
    assertThat(JsonRpcId.of(-12)).hasToString("-12");
    assertThat(JsonRpcId.of("a\"b")).hasToString("\"a\\\"b\"");
    assertThat(JsonRpcId.NULL).hasToString("null");
  }

  @Test
  void refusesNumberTextThatIsNotJson() {
    for (String literal : new String[] {"01", "+1", "1.", ".5", "NaN", "0x10", "1e", ""}) {
      assertThatThrownBy(() -> new JsonRpcId.NumberId(literal))
          .as(literal)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("literal: " + literal + " (expected: a JSON number)");
    }
  }
}
