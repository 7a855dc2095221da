package io.rpcservices.client.internal;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.internal.ServedMethods;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An object exported by a worker under a service name, parsed once: its public methods (declared on
 * its class or on public superclasses and interfaces, except those of {@link Object} and {@code
 * close()} of an {@link AutoCloseable}), overloads told apart by arity.
 *
 * <pre>{@code
 * ServiceExport math = ServiceExport.of("math", new MathService(), List.of("web-services"));
 * }</pre>
 */
public final class ServiceExport {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> BUILT_IN =
      Set.of("stack", "storage", "provider", "system", "master", "mgt", "events", "worker");

  private final String name;
  private final List<String> groups;
  // Method name without the service prefix -> arity -> method.
  private final SortedMap<String, SortedMap<Integer, ExportedMethod>> methods;

  private ServiceExport(
      String name,
      List<String> groups,
      SortedMap<String, SortedMap<Integer, ExportedMethod>> methods) {
    this.name = name;
    this.groups = groups;
    this.methods = methods;
  }

  /**
   * Parses {@code target} to be exported as {@code name} in {@code groups}.
   *
   * @throws IllegalArgumentException for a name that is not {@code [A-Za-z_][A-Za-z0-9_]*} or is a
   *     built-in service's, an object without public methods, a parameter type outside the value
   *     table, or two overloads with as many parameters
   */
  public static ServiceExport of(String name, Object target, List<String> groups) {
    Objects.requireNonNull(target, "target");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "service name: '"
              + name
              + "' (expected: letters, digits and '_', not starting with a digit)");
    }
    if (BUILT_IN.contains(name)) {
      throw new IllegalArgumentException(
          "service name: '" + name + "' (expected: not the name of a built-in service)");
    }
    SortedMap<String, SortedMap<Integer, ExportedMethod>> methods = new TreeMap<>();
    for (Method method : ServedMethods.of(target)) {
      String fullName = name + "." + method.getName();
      ExportedMethod exported =
          ExportedMethod.of(
              fullName, target, ServedMethods.invocable(method), ServedMethods.help(method));
      SortedMap<Integer, ExportedMethod> overloads =
          methods.computeIfAbsent(method.getName(), n -> new TreeMap<>());
      if (overloads.putIfAbsent(exported.arity(), exported) != null) {
        throw new IllegalArgumentException(
            "ambiguous overloads: "
                + fullName
                + " has more than one method taking "
                + parameters(exported.arity()));
      }
    }
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("service '" + name + "' has no public methods");
    }
    return new ServiceExport(name, List.copyOf(groups), methods);
  }

  /** The service name, such as {@code math}. */
  public String name() {
    return name;
  }

  /** The groups the service is registered in. */
  public List<String> groups() {
    return groups;
  }

  /** The methods as {@code worker.register} describes them: {@code [{name, signature, help}]}. */
  List<Map<String, Object>> descriptions() {
    List<Map<String, Object>> descriptions = new ArrayList<>();
    methods.forEach(
        (method, overloads) -> {
          Map<String, Object> description = new LinkedHashMap<>();
          description.put("name", method);
          description.put(
              "signature",
              overloads.values().stream()
                  .map(ExportedMethod::signature)
                  .collect(Collectors.toList()));
          Set<String> helps = new LinkedHashSet<>();
          overloads.values().stream()
              .map(ExportedMethod::help)
              .filter(h -> !h.isEmpty())
              .forEach(helps::add);
          description.put("help", String.join("\n", helps));
          descriptions.add(description);
        });
    return descriptions;
  }

  /**
   * The overload of {@code method} that takes {@code arity} parameters.
   *
   * @throws FaultException MethodNotFound for an unknown name, InvalidParams for another arity
   */
  ExportedMethod method(String method, int arity) {
    SortedMap<Integer, ExportedMethod> overloads = methods.get(method);
    if (overloads == null) {
      throw new FaultException(
          Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: " + name + "." + method));
    }
    ExportedMethod overload = overloads.get(arity);
    if (overload == null) {
      throw new FaultException(
          FaultCode.INVALID_PARAMS,
          name + "." + method + " takes " + expected(overloads.keySet()) + ", received " + arity);
    }
    return overload;
  }

  private static String expected(Set<Integer> arities) {
    List<Integer> sorted = List.copyOf(arities);
    if (sorted.size() == 1) {
      return parameters(sorted.get(0));
    }
    return sorted.subList(0, sorted.size() - 1).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(", "))
        + " or "
        + sorted.get(sorted.size() - 1)
        + " parameters";
  }

  private static String parameters(int count) {
    return count + (count == 1 ? " parameter" : " parameters");
  }
}
