package io.rpcservices.master.dispatch;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The overloads of one method name, such as {@code stack.pop}, told apart by arity, or by their
 * parameter names for JSON-RPC calls with named parameters.
 */
public final class MethodGroup implements MethodInfo {
  private final String name;
  private final SortedMap<Integer, MethodModel> byArity;

  private MethodGroup(String name, SortedMap<Integer, MethodModel> byArity) {
    this.name = name;
    this.byArity = byArity;
  }

  /**
   * The group of {@code overloads}, all named {@code name}.
   *
   * @throws IllegalArgumentException if two of them take the same number of wire parameters
   */
  static MethodGroup of(String name, List<MethodModel> overloads) {
    SortedMap<Integer, MethodModel> byArity = new TreeMap<>();
    for (MethodModel overload : overloads) {
      if (byArity.putIfAbsent(overload.arity(), overload) != null) {
        throw new IllegalArgumentException(
            "ambiguous overloads: "
                + name
                + " has more than one method taking "
                + parameters(overload.arity()));
      }
    }
    return new MethodGroup(name, byArity);
  }

  /** The full method name, such as {@code stack.pop}. */
  @Override
  public String name() {
    return name;
  }

  /** The help texts of the overloads, distinct and joined by new lines; {@code ""} if none. */
  @Override
  public String help() {
    Set<String> helps = new LinkedHashSet<>();
    byArity.values().stream().map(MethodModel::help).filter(h -> !h.isEmpty()).forEach(helps::add);
    return String.join("\n", helps);
  }

  /** One XML-RPC signature per overload, fewest parameters first: result type, parameter types. */
  @Override
  public List<List<String>> signatures() {
    return byArity.values().stream().map(MethodModel::signature).collect(Collectors.toList());
  }

  /** The overload taking {@code arity} wire parameters, or {@code null}. */
  @Nullable MethodModel overload(int arity) {
    return byArity.get(arity);
  }

  /** The overload whose parameters are named exactly {@code names}, or {@code null}. */
  @Nullable MethodModel overload(Set<String> names) {
    for (MethodModel overload : byArity.values()) {
      if (overload.parameterNames().size() == names.size()
          && names.containsAll(overload.parameterNames())) {
        return overload;
      }
    }
    return null;
  }

  /** The InvalidParams detail for a call with parameters named {@code received}. */
  String namesMismatch(Collection<String> received) {
    String expected =
        byArity.values().stream()
            .map(overload -> "(" + String.join(", ", overload.parameterNames()) + ")")
            .collect(Collectors.joining(" or "));
    return name
        + " takes parameters named "
        + expected
        + ", received ("
        + String.join(", ", received)
        + ")";
  }

  /** The InvalidParams detail for a call with {@code received} parameters. */
  String arityMismatch(int received) {
    List<Integer> arities = List.copyOf(byArity.keySet());
    String expected =
        arities.size() == 1
            ? parameters(arities.get(0))
            : arities.subList(0, arities.size() - 1).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "))
                + " or "
                + arities.get(arities.size() - 1)
                + " parameters";
    return name + " takes " + expected + ", received " + received;
  }

  private static String parameters(int count) {
    return count + (count == 1 ? " parameter" : " parameters");
  }
}
