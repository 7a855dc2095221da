package io.rpcservices.master.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueEqualityTest {
  @Test
  void intAndI8OfTheSameNumberAreEqual() {
    assertThat(ValueEquality.equal(5, 5L)).isTrue();
    assertThat(ValueEquality.equal(5L, 5)).isTrue();
    assertThat(ValueEquality.equal(5, 6L)).isFalse();
  }

  @Test
  void doublesEqualOnlyDoubles() {
    assertThat(ValueEquality.equal(1.5, 1.5)).isTrue();
    assertThat(ValueEquality.equal(Double.NaN, Double.NaN)).isTrue();
    assertThat(ValueEquality.equal(1.0, 1)).isFalse();
    assertThat(ValueEquality.equal(1, 1.0)).isFalse();
    assertThat(ValueEquality.equal(0.0, -0.0)).isFalse();
  }

  @Test
  void base64ComparesByContent() {
    assertThat(ValueEquality.equal(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    assertThat(ValueEquality.equal(new byte[] {1, 2}, new byte[] {2, 1})).isFalse();
  }

  @Test
  void arraysCompareElementByElement() {
    assertThat(ValueEquality.equal(List.of(1, new byte[] {3}), List.of(1L, new byte[] {3})))
        .isTrue();
    assertThat(ValueEquality.equal(List.of(1, 2), List.of(2, 1))).isFalse();
    assertThat(ValueEquality.equal(List.of(1), List.of(1, 2))).isFalse();
  }

  @Test
  void structsCompareMemberByMemberInAnyOrder() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("x", 1);
    a.put("y", null);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("y", null);
    b.put("x", 1L);
    assertThat(ValueEquality.equal(a, b)).isTrue();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("x", 1);
    c.put("z", null);
    assertThat(ValueEquality.equal(a, c)).isFalse();
  }

  @Test
  void otherValuesCompareWithEquals() {
    LocalDateTime time = LocalDateTime.of(2026, 11, 23, 10, 0);
    assertThat(ValueEquality.equal(time, LocalDateTime.of(2026, 11, 23, 10, 0))).isTrue();
    assertThat(ValueEquality.equal("a", "a")).isTrue();
    assertThat(ValueEquality.equal(true, Boolean.TRUE)).isTrue();
    assertThat(ValueEquality.equal(null, null)).isTrue();
    assertThat(ValueEquality.equal(null, 0)).isFalse();
    assertThat(ValueEquality.equal("1", 1)).isFalse();
    assertThat(ValueEquality.equal(Arrays.asList((Object) null), Arrays.asList((Object) null)))
        .isTrue();
  }
}
