package io.rpcservices.master.dispatch;

import io.rpcservices.master.CallContext;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.internal.ParameterType;
import io.rpcservices.protocol.internal.TypeNames;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/** One service method, parsed once at registration: how to convert its parameters and call it. */
final class MethodModel {
  private final String name;
  private final Object target;
  private final Method method;

  /** One entry per Java parameter; {@code null} marks an injected {@link CallContext}. */
  private final List<@Nullable ParameterType> parameters;

  /** The names of the wire parameters, as compiled (with {@code -parameters}: as declared). */
  private final List<String> parameterNames;

  private final int arity;
  private final boolean async;
  private final boolean answersTrue;
  private final String help;
  private final List<String> signature;

  private MethodModel(
      String name,
      Object target,
      Method method,
      List<@Nullable ParameterType> parameters,
      List<String> parameterNames,
      String help) {
    this.name = name;
    this.target = target;
    this.method = method;
    this.parameters = parameters;
    this.parameterNames = parameterNames;
    this.arity = (int) parameters.stream().filter(p -> p != null).count();
    this.async = CompletionStage.class.isAssignableFrom(method.getReturnType());
    this.answersTrue = isVoid(method.getGenericReturnType());
    this.help = help;
    List<String> types = new ArrayList<>();
    types.add(TypeNames.ofType(method.getGenericReturnType()));
    parameters.stream().filter(p -> p != null).forEach(p -> types.add(p.typeName()));
    this.signature = List.copyOf(types);
  }

  /**
   * Parses a method of {@code target}, callable as {@code name}.
   *
   * @param invocable the method, as declared on a type whose members may be invoked
   * @param help its help text, {@code ""} when it has none
   * @throws IllegalArgumentException if a parameter type cannot take any wire value
   */
  static MethodModel of(String name, Object target, Method invocable, String help) {
    Class<?>[] types = invocable.getParameterTypes();
    Parameter[] declared = invocable.getParameters();
    List<@Nullable ParameterType> parameters = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      if (types[i] == CallContext.class) {
        parameters.add(null);
        continue;
      }
      names.add(declared[i].getName());
      try {
        parameters.add(ParameterType.of(declared[i]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + " parameter " + (parameters.size() + 1) + ": " + e.getMessage(), e);
      }
    }
    return new MethodModel(
        name,
        target,
        invocable,
        Collections.unmodifiableList(parameters),
        List.copyOf(names),
        help);
  }

  /** The full method name, such as {@code stack.pop}. */
  String name() {
    return name;
  }

  /** How many wire parameters the method takes. */
  int arity() {
    return arity;
  }

  /** The names of the wire parameters in order, for calls with named parameters. */
  List<String> parameterNames() {
    return parameterNames;
  }

  /** The wire parameters in order, taken from {@code named}, which holds each name once. */
  List<@Nullable Object> positional(Map<String, @Nullable Object> named) {
    List<@Nullable Object> params = new ArrayList<>(parameterNames.size());
    parameterNames.forEach(parameter -> params.add(named.get(parameter)));
    return params;
  }

  /** The help text, {@code ""} when there is none. */
  String help() {
    return help;
  }

  /** The XML-RPC signature: the result type, then the parameter types. */
  List<String> signature() {
    return signature;
  }

  /**
   * The Java arguments for the wire parameters {@code params}, which number {@link #arity()}.
   *
   * @throws FaultException an InvalidParams fault naming the parameter that does not fit
   */
  Object[] arguments(List<@Nullable Object> params, CallContext context) {
    Object[] arguments = new Object[parameters.size()];
    int position = 0;
    for (int i = 0; i < arguments.length; i++) {
      ParameterType type = parameters.get(i);
      if (type == null) {
        arguments[i] = context;
        continue;
      }
      try {
        arguments[i] = type.convert(params.get(position));
      } catch (IllegalArgumentException e) {
        throw new FaultException(
            FaultCode.INVALID_PARAMS,
            name + " parameter " + (position + 1) + ": " + e.getMessage());
      }
      position++;
    }
    return arguments;
  }

  /**
   * Calls the method. The future completes with its result ({@code true} for a void method), or
   * once the {@link CompletionStage} it returned completes; it fails with what the method threw.
   * Cancelling the future cancels the stage the method returned, if that is a {@link Future}.
   */
  CompletableFuture<@Nullable Object> invoke(Object[] arguments) {
    Object result;
    try {
      result = method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      return CompletableFuture.failedFuture(e.getCause());
    } catch (IllegalAccessException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (!async) {
      return CompletableFuture.completedFuture(answersTrue ? Boolean.TRUE : result);
    }
    if (result == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(name + " returned a null CompletionStage"));
    }
    CompletionStage<?> stage = (CompletionStage<?>) result;
    CompletableFuture<@Nullable Object> answer = new CompletableFuture<>();
    stage.whenComplete(
        (value, error) -> {
          if (error != null) {
            answer.completeExceptionally(unwrap(error));
          } else {
            answer.complete(answersTrue && value == null ? Boolean.TRUE : value);
          }
        });
    answer.whenComplete(
        (value, error) -> {
          // A caller that goes away cancels its call, so that a waiting service (stack.pop with a
          // timeout) can hand its item to the next waiter instead.
          if (answer.isCancelled() && stage instanceof Future<?> future) {
            future.cancel(false);
          }
        });
    return answer;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  private static boolean isVoid(Type type) {
    if (type == void.class) {
      return true;
    }
    return type instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && CompletionStage.class.isAssignableFrom(raw)
        && p.getActualTypeArguments()[0] == Void.class;
  }
}
