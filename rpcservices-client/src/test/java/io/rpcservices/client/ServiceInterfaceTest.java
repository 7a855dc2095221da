package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Checks and parsing of proxy interfaces; none of these tests reaches a server. */
class ServiceInterfaceTest {
  private final RpcClient client = RpcClient.connect("http://127.0.0.1:9");

  interface MathApi {
    int multiply(int x, int y);

    CompletableFuture<Double> divide(double x, double y);

    CompletableFuture<Map<String, Object>> stats();

    void reset(List<Integer> seeds);

    @RpcMethod("import")
    boolean importAll(Map<String, Object> items);

    default int square(int x) {
      return x * x;
    }
  }

  @RpcService("math")
  interface AnnotatedMathApi {
    long add(long x, long y);
  }

  interface BadParameter {
    int run(Thread thread);
  }

  interface BadReturn {
    Thread spawn();
  }

  interface RawFuture {
    @SuppressWarnings("rawtypes")
    CompletableFuture later();
  }

  interface FutureOfBadType {
    CompletableFuture<StringBuilder> later();
  }

  interface Generic<T> {
    T get();
  }

  interface Inherits extends BadParameter {}

  @Test
  void acceptInterfaceOfValueTypesAndFutures() {
    MathApi math = client.create("math", MathApi.class);

    assertThat(math).isNotNull();
  }

  @Test
  void answerObjectMethodsLocally() {
    MathApi math = client.create("math", MathApi.class);
    MathApi other = client.create("math", MathApi.class);

    assertThat(math.toString()).isEqualTo("MathApi[math at http://127.0.0.1:9/RPC2]");
    assertThat(math).isEqualTo(math).isNotEqualTo(other);
    assertThat(math.hashCode()).isEqualTo(System.identityHashCode(math));
  }

  @Test
  void runDefaultMethodsLocally() {
    MathApi math = client.create("math", MathApi.class);

    assertThat(math.square(7)).isEqualTo(49);
  }

  @Test
  void takeTheServiceNameFromTheAnnotation() {
    AnnotatedMathApi math = client.create(AnnotatedMathApi.class);

    assertThat(math.toString()).isEqualTo("AnnotatedMathApi[math at http://127.0.0.1:9/RPC2]");
  }

  @Test
  void rejectInterfaceWithoutServiceName() {
    assertThatThrownBy(() -> client.create(MathApi.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            MathApi.class.getName()
                + ": no @RpcService annotation (expected: one, or create(service, api))");
  }

  @Test
  void rejectEmptyServiceName() {
    assertThatThrownBy(() -> client.create("", MathApi.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service: '' (expected: a service name)");
  }

  @Test
  void rejectClass() {
    assertThatThrownBy(() -> client.create("text", String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("java.lang.String: not an interface (expected: one)");
  }

  @Test
  void rejectGenericInterface() {
    assertThatThrownBy(() -> client.create("generic", Generic.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Generic.class.getName() + ": has type parameters (expected: none)");
  }

  @Test
  void rejectParameterOutsideTheValueTable() {
    assertThatThrownBy(() -> client.create("bad", BadParameter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "BadParameter.run: parameter 1 is a java.lang.Thread (expected: int, long, boolean,"
                + " double, their boxes, String, LocalDateTime, byte[], Map, List or Object,"
                + " Instant or Date)");
  }

  @Test
  void rejectInheritedBadMethodNamingItsInterface() {
    assertThatThrownBy(() -> client.create("bad", Inherits.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("BadParameter.run: parameter 1 is a java.lang.Thread");
  }

  @Test
  void rejectResultOutsideTheValueTable() {
    assertThatThrownBy(() -> client.create("bad", BadReturn.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "BadReturn.spawn: returns a java.lang.Thread (expected: void, int, long, boolean,"
                + " double, their boxes, String, LocalDateTime, byte[], Map, List or Object, or a"
                + " CompletableFuture of one)");
  }

  @Test
  void rejectRawFuture() {
    assertThatThrownBy(() -> client.create("bad", RawFuture.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "RawFuture.later: returns a java.util.concurrent.CompletableFuture (expected: a"
                + " CompletableFuture of Void, int, long, boolean, double, their boxes, String,"
                + " LocalDateTime, byte[], Map, List or Object)");
  }

  @Test
  void rejectFutureOfTypeOutsideTheValueTable() {
    assertThatThrownBy(() -> client.create("bad", FutureOfBadType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "FutureOfBadType.later: returns a"
                + " java.util.concurrent.CompletableFuture<java.lang.StringBuilder> (expected:");
  }
}
