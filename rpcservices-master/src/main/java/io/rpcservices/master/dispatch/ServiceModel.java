package io.rpcservices.master.dispatch;

import io.rpcservices.protocol.Help;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
    for (Method method : service.getClass().getMethods()) {
      if (isServed(method, service)) {
        String fullName = name + "." + method.getName();
        overloads
            .computeIfAbsent(fullName, n -> new ArrayList<>())
            .add(MethodModel.of(fullName, service, invocable(method), help(method)));
      }
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

  private static boolean isServed(Method method, Object service) {
    if (Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()) {
      return false;
    }
    if (declaredBy(Object.class, method) != null) {
      return false;
    }
    return !(service instanceof AutoCloseable && declaredBy(AutoCloseable.class, method) != null);
  }

  /**
   * The method itself if it may be invoked as it is, else the same method on a public supertype,
   * else the method made accessible (a public method of a private class).
   */
  private static Method invocable(Method method) {
    if (isPublicType(method.getDeclaringClass())) {
      return method;
    }
    for (Class<?> type : supertypes(method.getDeclaringClass())) {
      Method same = declaredBy(type, method);
      if (same != null && isPublicType(type)) {
        return same;
      }
    }
    if (method.trySetAccessible()) {
      return method;
    }
    throw new IllegalArgumentException(
        "cannot invoke " + method + ": its class is not public or its package is not open");
  }

  private static String help(Method method) {
    Help help = method.getAnnotation(Help.class);
    for (Class<?> type : supertypes(method.getDeclaringClass())) {
      if (help != null) {
        break;
      }
      Method same = declaredBy(type, method);
      help = same == null ? null : same.getAnnotation(Help.class);
    }
    return help == null ? "" : help.value();
  }

  @Nullable
  private static Method declaredBy(Class<?> type, Method method) {
    try {
      return type.getMethod(method.getName(), method.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static boolean isPublicType(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return type.getModule().isExported(type.getPackageName());
  }

  /** All superclasses and interfaces of {@code type}, nearest first. */
  private static Set<Class<?>> supertypes(Class<?> type) {
    Set<Class<?>> found = new LinkedHashSet<>();
    List<Class<?>> queue = new ArrayList<>(List.of(type));
    for (int i = 0; i < queue.size(); i++) {
      Class<?> current = queue.get(i);
      if (current.getSuperclass() != null) {
        queue.add(current.getSuperclass());
      }
      queue.addAll(Arrays.asList(current.getInterfaces()));
      if (current != type) {
        found.add(current);
      }
    }
    return found;
  }
}
