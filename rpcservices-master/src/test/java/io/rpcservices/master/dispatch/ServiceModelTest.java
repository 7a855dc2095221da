package io.rpcservices.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.TestService;
import io.rpcservices.protocol.Help;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceModelTest {
  /** A public interface implemented by a private class. */
  public interface Greeter {
    @Help("Greets.")
    String greet(String name);
  }

  private static final class PrivateGreeter implements Greeter, AutoCloseable {
    @Override
    public String greet(String name) {
      return "hello " + name;
    }

    @Override
    public void close() {}
  }

  /** Two overloads of one arity. */
  public static final class Ambiguous {
    public int f(int x) {
      return x;
    }

    public String f(String x) {
      return x;
    }
  }

  /** A parameter outside the value table. */
  public static final class Unsupported {
    public boolean open(File file) {
      return true;
    }
  }

  /** Only Object's methods. */
  public static final class Empty {}

  @Test
  void servesPublicMethodsExceptObjectsAndClose() {
    ServiceRegistry registry =
        new ServiceRegistry(List.of(ServiceModel.of("greeter", new PrivateGreeter())));
    assertThat(registry.methodNames()).containsExactly("greeter.greet");
    assertThat(registry.method("greeter.greet").orElseThrow().help()).isEqualTo("Greets.");
  }

  @Test
  void parsesSignaturesAndHelp() {
    ServiceRegistry registry =
        new ServiceRegistry(List.of(ServiceModel.of("test", new TestService())));
    assertThat(registry.method("test.add").orElseThrow().signatures())
        .containsExactly(List.of("int", "int", "int"));
    assertThat(registry.method("test.pop").orElseThrow().signatures())
        .containsExactly(List.of("string", "string"), List.of("string", "string", "int"));
    assertThat(registry.method("test.pop").orElseThrow().help())
        .isEqualTo("Pops without waiting.\nPops, waiting up to the timeout.");
    assertThat(registry.method("test.nothing").orElseThrow().signatures())
        .containsExactly(List.of("boolean"));
    assertThat(registry.method("test.typeOf").orElseThrow().signatures())
        .containsExactly(List.of("string", "undef"));
    assertThat(registry.method("test.delayed").orElseThrow().signatures())
        .containsExactly(List.of("string", "int"));
    assertThat(registry.method("test.greet").orElseThrow().signatures())
        .containsExactly(List.of("string", "string"));
    assertThat(registry.method("test.addLong").orElseThrow().signatures())
        .containsExactly(List.of("i8", "i8", "i8"));
    assertThat(registry.method("test.echo").orElseThrow().help()).isEmpty();
  }

  @Test
  void rejectsInvalidName() {
    assertThatThrownBy(() -> ServiceModel.of("no spaces", new TestService()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "service name: 'no spaces' (expected: letters, digits and '_', not starting with a"
                + " digit, parts separated by '.')");
    assertThatThrownBy(() -> ServiceModel.of("", new TestService()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ServiceModel.of("a.b_2", new TestService()).name()).isEqualTo("a.b_2");
  }

  @Test
  void rejectsOverloadsOfSameArity() {
    assertThatThrownBy(() -> ServiceModel.of("amb", new Ambiguous()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ambiguous overloads: amb.f has more than one method taking 1 parameter");
  }

  @Test
  void rejectsParameterTypeOutsideValueTable() {
    assertThatThrownBy(() -> ServiceModel.of("files", new Unsupported()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("files.open parameter 1: unsupported type java.io.File");
  }

  @Test
  void rejectsServiceWithoutMethods() {
    assertThatThrownBy(() -> ServiceModel.of("empty", new Empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service 'empty' has no public methods");
  }

  @Test
  void rejectsDuplicateServiceNames() {
    ServiceModel one = ServiceModel.of("test", new TestService());
    assertThatThrownBy(() -> new ServiceRegistry(List.of(one, one)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service name already registered: test");
  }
}
