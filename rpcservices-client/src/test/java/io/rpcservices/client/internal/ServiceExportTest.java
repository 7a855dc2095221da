package io.rpcservices.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.Help;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Parsing exported objects and converting the parameters of their calls. */
class ServiceExportTest {

  /** A service with every kind of parameter. */
  public static final class Sample implements AutoCloseable {
    /** Multiplies. */
    @Help("Multiplies two numbers.")
    public long multiply(long x, long y) {
      return x * y;
    }

    /** Scales. */
    public double scale(double x) {
      return x;
    }

    /** Scales by a factor. */
    public double scale(double x, int factor) {
      return x * factor;
    }

    /** Echoes. */
    public @Nullable Object echo(@Nullable Object value) {
      return value;
    }

    /** Reads every other type. */
    public String describe(
        String text,
        boolean flag,
        byte[] bytes,
        LocalDateTime when,
        Map<String, Object> map,
        List<Object> list) {
      return text + flag + bytes.length + when + map + list;
    }

    /** Does nothing. */
    public void touch(@Nullable String name) {}

    @Override
    public void close() {}
  }

  private final ServiceExport sample = ServiceExport.of("sample", new Sample(), List.of("g"));

  @Test
  void describeEveryPublicMethodWithSignaturesAndHelp() {
    assertThat(sample.descriptions())
        .containsExactly(
            Map.of(
                "name",
                "describe",
                "signature",
                List.of(
                    List.of(
                        "string",
                        "string",
                        "boolean",
                        "base64",
                        "dateTime.iso8601",
                        "struct",
                        "array")),
                "help",
                ""),
            Map.of("name", "echo", "signature", List.of(List.of("undef", "undef")), "help", ""),
            Map.of(
                "name",
                "multiply",
                "signature",
                List.of(List.of("i8", "i8", "i8")),
                "help",
                "Multiplies two numbers."),
            Map.of(
                "name",
                "scale",
                "signature",
                List.of(List.of("double", "double"), List.of("double", "double", "int")),
                "help",
                ""),
            Map.of(
                "name", "touch", "signature", List.of(List.of("boolean", "string")), "help", ""));
    assertThat(sample.groups()).containsExactly("g");
  }

  @Test
  void widenNumbersAndReadJsonDatesAndBytes() throws Throwable {
    assertThat(sample.method("multiply", 2).invoke(args(sample, "multiply", 6, 7L))).isEqualTo(42L);
    assertThat(sample.method("scale", 2).invoke(args(sample, "scale", 2, 3))).isEqualTo(6.0);
    assertThat(
            sample
                .method("describe", 6)
                .invoke(
                    args(
                        sample,
                        "describe",
                        "t",
                        true,
                        "AQID",
                        "20261123T10:00:00",
                        Map.of("a", 1),
                        List.of(2))))
        .isEqualTo("ttrue32026-11-23T10:00{a=1}[2]");
  }

  @Test
  void answerVoidWithTrueAndPassNilWhereAllowed() throws Throwable {
    assertThat(sample.method("touch", 1).invoke(args(sample, "touch", (Object) null)))
        .isEqualTo(true);
    assertThat(sample.method("echo", 1).invoke(args(sample, "echo", (Object) null))).isNull();
  }

  @Test
  void refuseParametersThatDoNotFit() {
    assertThatThrownBy(() -> args(sample, "multiply", 6, "7"))
        .isInstanceOf(FaultException.class)
        .hasMessage("InvalidParams: sample.multiply parameter 2: expected i8, received string");
    assertThatThrownBy(() -> args(sample, "scale", 1.5, 3_000_000_000L))
        .hasMessage(
            "InvalidParams: sample.scale parameter 2: expected int, received i8 (out of range)");
    assertThatThrownBy(() -> args(sample, "touch", 1))
        .hasMessage("InvalidParams: sample.touch parameter 1: expected string, received int");
    assertThatThrownBy(
            () -> args(sample, "describe", "t", true, "not base64!", "x", Map.of(), List.of()))
        .hasMessage(
            "InvalidParams: sample.describe parameter 3: expected base64, received string (not"
                + " base64)");
    assertThatThrownBy(() -> args(sample, "multiply", null, 1))
        .hasMessage("InvalidParams: sample.multiply parameter 1: expected i8, received nil");
  }

  @Test
  void refuseUnknownMethodsAndArities() {
    assertThatThrownBy(() -> sample.method("divide", 2))
        .isInstanceOf(FaultException.class)
        .hasMessage("MethodNotFound: no such method: sample.divide")
        .satisfies(e -> assertThat(((FaultException) e).code()).isEqualTo(-32601));
    assertThatThrownBy(() -> sample.method("scale", 3))
        .hasMessage("InvalidParams: sample.scale takes 1 or 2 parameters, received 3");
    assertThatThrownBy(() -> sample.method("close", 0))
        .hasMessage("MethodNotFound: no such method: sample.close");
    assertThatThrownBy(() -> sample.method("toString", 0))
        .hasMessage("MethodNotFound: no such method: sample.toString");
  }

  @Test
  void refuseInvalidAndBuiltInNames() {
    assertThatThrownBy(() -> ServiceExport.of("math.ops", new Sample(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "service name: 'math.ops' (expected: letters, digits and '_', not starting with a"
                + " digit)");
    assertThatThrownBy(() -> ServiceExport.of("stack", new Sample(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service name: 'stack' (expected: not the name of a built-in service)");
  }

  @Test
  void refuseAmbiguousOverloadsAndUnsupportedTypes() {
    assertThatThrownBy(() -> ServiceExport.of("bad", new Ambiguous(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ambiguous overloads: bad.f has more than one method taking 1");
    assertThatThrownBy(() -> ServiceExport.of("bad", new Unsupported(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.f parameter 1: unsupported type java.lang.Thread");
    assertThatThrownBy(() -> ServiceExport.of("bad", new Object(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service 'bad' has no public methods");
  }

  @Test
  void convertResultsToTheValueTable() {
    assertThat(ResultValues.toWire((short) 3)).isEqualTo(3);
    assertThat(ResultValues.toWire(1.5f)).isEqualTo(1.5);
    assertThat(ResultValues.toWire(new int[] {1, 2})).isEqualTo(List.of(1, 2));
    assertThat(ResultValues.toWire(Map.of(1, List.of('c')))).isEqualTo(Map.of("1", List.of("c")));
    assertThatThrownBy(() -> ResultValues.toWire(Thread.currentThread()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported value type: java.lang.Thread");
  }

  @Test
  void reportAThrownExceptionWithItsTypeMessageAndTrace() {
    var fault = RemoteErrors.of(new IllegalArgumentException("x must be > 0"));

    assertThat(fault.code()).isEqualTo(FaultCode.REMOTE_ERROR.code());
    assertThat(fault.message())
        .isEqualTo("RemoteError: java.lang.IllegalArgumentException: x must be > 0");
    assertThat(fault.data())
        .containsEntry("type", "RemoteError")
        .containsEntry("exception", "java.lang.IllegalArgumentException")
        .containsEntry("message", "x must be > 0");
    assertThat((String) fault.data().get("trace"))
        .startsWith("java.lang.IllegalArgumentException: x must be > 0\n\tat ")
        .contains("ServiceExportTest");
    assertThat(RemoteErrors.of(new NullPointerException()).message())
        .isEqualTo("RemoteError: java.lang.NullPointerException");
  }

  @Test
  void exportThePublicMethodsOfAClassThatIsNotPublic() throws Throwable {
    ServiceExport greeter = ServiceExport.of("greeter", new HiddenGreeter(), List.of());

    assertThat(greeter.descriptions())
        .containsExactly(
            Map.of(
                "name",
                "greet",
                "signature",
                List.of(List.of("string", "string")),
                "help",
                "Greets."));
    assertThat(greeter.method("greet", 1).invoke(new Object[] {"x"})).isEqualTo("hi x");
  }

  private static Object[] args(ServiceExport export, String method, @Nullable Object... params) {
    return export.method(method, params.length).arguments(Arrays.asList(params));
  }

  /** Two overloads of one arity. */
  public static final class Ambiguous {
    /** One. */
    public int f(int x) {
      return x;
    }

    /** Two. */
    public int f(String x) {
      return 0;
    }
  }

  /** A parameter type no wire value fits. */
  public static final class Unsupported {
    /** Takes a thread. */
    public int f(Thread thread) {
      return 0;
    }
  }

  /** A public interface. */
  public interface Greeter {
    /** Greets. */
    String greet(String name);
  }

  /** An implementation that is not public. */
  private static final class HiddenGreeter implements Greeter {
    @Help("Greets.")
    @Override
    public String greet(String name) {
      return "hi " + name;
    }
  }
}
