package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type of the value table goes through stack push and pop on a real master unchanged. */
class ValueRoundTripTest {
  @RegisterExtension static final LocalMaster master = new LocalMaster();
  private static Stack stack;

  @BeforeAll
  static void connect() {
    stack = RpcClient.connect(master.url()).stack().createStack("values");
  }

  static Stream<Arguments> values() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", List.of(1, "two", 3.5));
    nested.put("a", Map.of("deep", List.of(List.of(true))));
    nested.put("nil", null);
    List<Object> withNil = new ArrayList<>(Arrays.asList(1, null, "x"));
    return Stream.of(
        Arguments.of("int", 42),
        Arguments.of("negative int", Integer.MIN_VALUE),
        Arguments.of("long in int range", 7L),
        Arguments.of("long", Long.MAX_VALUE),
        Arguments.of("true", true),
        Arguments.of("false", false),
        Arguments.of("string", "plain text"),
        Arguments.of("empty string", ""),
        Arguments.of("non-BMP and CR", "clef \uD834\uDD1E emoji \uD83D\uDE00 cr\r lf\n tab\t <&>"),
        Arguments.of("double", 3.25),
        Arguments.of("tiny double", 4.9e-324),
        Arguments.of("date-time", LocalDateTime.of(2026, 11, 23, 10, 0, 59)),
        Arguments.of("nested struct and array", nested),
        Arguments.of("array with nil", withNil));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void pushedValueComesBackEqual(String label, Object value) {
    stack.push(value);

    assertThat(stack.pop()).isEqualTo(value);
  }

  @Test
  void bytesComeBackEqual() {
    byte[] bytes = {0, 1, 2, (byte) 0x80, (byte) 0xff, '\r', '\n'};
    stack.push(bytes);

    assertThat(stack.pop()).isEqualTo(bytes);
  }

  @Test
  void nilComesBackAsNull() {
    stack.push(null);

    assertThat(stack.getSize()).isEqualTo(1);
    assertThat(stack.pop()).isNull();
  }
}
