package io.rpcservices.client;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One method of a proxied interface: the wire method it calls, the type its result is converted to,
 * and whether it returns a {@link CompletableFuture} instead of waiting.
 *
 * @param name the method name on the wire, after the service name and the dot
 * @param resultType the result's Java type ({@code void.class} or {@code Void.class} for none)
 * @param async whether the method returns a {@code CompletableFuture}
 */
record ServiceMethod(String name, Class<?> resultType, boolean async) {
  private static final Set<Class<?>> RESULT_TYPES =
      Set.of(
          Object.class,
          int.class,
          Integer.class,
          long.class,
          Long.class,
          boolean.class,
          Boolean.class,
          double.class,
          Double.class,
          String.class,
          LocalDateTime.class,
          byte[].class,
          Map.class,
          List.class);
  private static final String EXPECTED =
      "int, long, boolean, double, their boxes, String, LocalDateTime, byte[], Map, List or Object";

  /**
   * Parses {@code method}.
   *
   * @throws IllegalArgumentException naming the method, if it cannot be called over the wire
   */
  static ServiceMethod parse(Method method) {
    RpcMethod annotation = method.getAnnotation(RpcMethod.class);
    String name = annotation == null ? method.getName() : annotation.value();
    if (name.isEmpty()) {
      throw error(method, "@RpcMethod has an empty name (expected: a method name)");
    }
    Class<?>[] params = method.getParameterTypes();
    for (int i = 0; i < params.length; i++) {
      if (!isParameterType(params[i])) {
        throw error(
            method,
            "parameter "
                + (i + 1)
                + " is a "
                + params[i].getTypeName()
                + " (expected: "
                + EXPECTED
                + ", Instant or Date)");
      }
    }
    if (method.getReturnType() == CompletableFuture.class) {
      return new ServiceMethod(name, futureResultType(method), true);
    }
    Class<?> result = method.getReturnType();
    if (!isResultType(result)) {
      throw error(
          method,
          "returns a "
              + result.getTypeName()
              + " (expected: void, "
              + EXPECTED
              + ", or a CompletableFuture of one)");
    }
    return new ServiceMethod(name, result, false);
  }

  /** Calls the method: waits for the result, or returns the future of an asynchronous call. */
  @Nullable Object invoke(RpcClient client, String service, Object[] args) {
    CompletableFuture<?> call = client.callAsync(resultType, service + "." + name, args);
    return async ? call : RpcClient.await(call);
  }

  private static Class<?> futureResultType(Method method) {
    Type returnType = method.getGenericReturnType();
    if (returnType instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> raw
        && (raw == Void.class || isResultType(raw))) {
      return raw;
    }
    if (returnType instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof ParameterizedType inner
        && inner.getRawType() instanceof Class<?> raw
        && (raw == Map.class || raw == List.class)) {
      return raw;
    }
    throw error(
        method,
        "returns a "
            + returnType.getTypeName()
            + " (expected: a CompletableFuture of Void, "
            + EXPECTED
            + ")");
  }

  private static boolean isResultType(Class<?> type) {
    return type == void.class || type == Void.class || RESULT_TYPES.contains(type);
  }

  private static boolean isParameterType(Class<?> type) {
    return RESULT_TYPES.contains(type)
        || type == Instant.class
        || type == Date.class
        || Map.class.isAssignableFrom(type)
        || List.class.isAssignableFrom(type);
  }

  private static IllegalArgumentException error(Method method, String detail) {
    return new IllegalArgumentException(
        method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": " + detail);
  }
}
