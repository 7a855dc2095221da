package io.rpcservices.master.dispatch;

import io.rpcservices.protocol.internal.ServedMethods;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A service object parsed once at registration: its public methods (declared on its class or on
 * public superclasses and interfaces, except those of {@link Object} and {@code close()} of an
 * {@link AutoCloseable}) by full name, such as {@code math.add}.
 *
 * <pre>{@code
 * ServiceModel math = ServiceModel.of("math", new MathService());
 * }</pre>
 */
public final class ServiceModel {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private final String name;
  private final SortedMap<String, MethodGroup> methods;

  private ServiceModel(String name, SortedMap<String, MethodGroup> methods) {
    this.name = name;
    this.methods = methods;
  }

  /**
   * Parses {@code service}, to be served as {@code name}.
   *
   * @throws IllegalArgumentException for an invalid name, a service without public methods, a
   *     parameter type outside the value table or two overloads of the same arity
   */
  public static ServiceModel of(String name, Object service) {
    Objects.requireNonNull(service, "service");
    requireValidName(name);
    SortedMap<String, List<MethodModel>> overloads = new TreeMap<>();
    for (Method method : ServedMethods.of(service)) {
      String fullName = name + "." + method.getName();
      overloads
          .computeIfAbsent(fullName, n -> new ArrayList<>())
          .add(
              MethodModel.of(
                  fullName,
                  service,
                  ServedMethods.invocable(method),
                  ServedMethods.help(method)));
    }
    if (overloads.isEmpty()) {
      throw new IllegalArgumentException("service '" + name + "' has no public methods");
    }
    SortedMap<String, MethodGroup> methods = new TreeMap<>();
    overloads.forEach(
        (fullName, models) -> methods.put(fullName, MethodGroup.of(fullName, models)));
    return new ServiceModel(name, methods);
  }

  /**
   * Checks a service name: letters, digits and underscores, optionally in dot-separated parts.
   *
   * @throws IllegalArgumentException if it is not valid
   */
  public static void requireValidName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "service name: '"
              + name
              + "' (expected: letters, digits and '_', not starting with a digit,"
              + " parts separated by '.')");
    }
  }

  /** The service name, such as {@code math}. */
  public String name() {
    return name;
  }

  /** The methods by full name, in name order. */
  SortedMap<String, MethodGroup> methods() {
    return methods;
  }
}
