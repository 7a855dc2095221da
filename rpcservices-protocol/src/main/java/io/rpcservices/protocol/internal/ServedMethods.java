package io.rpcservices.protocol.internal;

import io.rpcservices.protocol.Help;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which methods of a service object are served and how to invoke them: its public methods (declared
 * on its class or on public superclasses and interfaces), except static, bridge and synthetic ones,
 * those of {@link Object} and {@code close()} of an {@link AutoCloseable}. The same rules for the
 * master's services and a worker's exported objects. Internal: not for application code.
 */
public final class ServedMethods {
  private ServedMethods() {}

  /** The served methods of {@code service}, as its class has them (see {@link #invocable}). */
  public static List<Method> of(Object service) {
    List<Method> served = new ArrayList<>();
    for (Method method : service.getClass().getMethods()) {
      if (isServed(method, service)) {
        served.add(method);
      }
    }
    return served;
  }

  /**
   * The method itself if it may be invoked as it is, else the same method on a public supertype,
   * else the method made accessible (a public method of a class that is not public).
   *
   * @throws IllegalArgumentException if none of these can be invoked
   */
  public static Method invocable(Method method) {
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

  /**
   * The text of the {@link Help} on {@code method}, else on the same method of the nearest
   * supertype that has one; {@code ""} if none has.
   */
  public static String help(Method method) {
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

  private static boolean isServed(Method method, Object service) {
    if (Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()) {
      return false;
    }
    if (declaredBy(Object.class, method) != null) {
      return false;
    }
    return !(service instanceof AutoCloseable && declaredBy(AutoCloseable.class, method) != null);
  }

  private static @Nullable Method declaredBy(Class<?> type, Method method) {
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
