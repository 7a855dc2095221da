package io.rpcservices.client.internal;

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
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** One public method of an exported object, parsed once: its parameters, signature and help. */
final class ExportedMethod {
  private final String fullName;
  private final Object target;
  private final Method method;
  private final List<ParameterType> parameters;
  private final boolean answersTrue;
  private final List<String> signature;
  private final String help;

  private ExportedMethod(
      String fullName, Object target, Method method, List<ParameterType> parameters, String help) {
    this.fullName = fullName;
    this.target = target;
    this.method = method;
    this.parameters = parameters;
    this.answersTrue = isVoid(method.getGenericReturnType());
    List<String> types = new ArrayList<>();
    types.add(TypeNames.ofType(method.getGenericReturnType()));
    parameters.forEach(p -> types.add(p.typeName()));
    this.signature = List.copyOf(types);
    this.help = help;
  }

  /**
   * Parses {@code method} of {@code target}, to be called as {@code fullName}.
   *
   * @param method the method, as declared on a type whose members may be invoked
   * @param help its help text, {@code ""} when it has none
   * @throws IllegalArgumentException if a parameter type cannot take any wire value, naming it
   */
  static ExportedMethod of(String fullName, Object target, Method method, String help) {
    List<ParameterType> parameters = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      try {
        parameters.add(ParameterType.of(parameter));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            fullName + " parameter " + (parameters.size() + 1) + ": " + e.getMessage(), e);
      }
    }
    return new ExportedMethod(fullName, target, method, List.copyOf(parameters), help);
  }

  /** The name callers use, such as {@code math.multiply}. */
  String fullName() {
    return fullName;
  }

  /** How many parameters the method takes. */
  int arity() {
    return parameters.size();
  }

  /** The XML-RPC signature: the result type, then the parameter types. */
  List<String> signature() {
    return signature;
  }

  /** The help text, {@code ""} if it has none. */
  String help() {
    return help;
  }

  /**
   * The arguments for the wire parameters {@code params}, which number {@link #arity()}.
   *
   * @throws FaultException an InvalidParams fault naming the parameter that does not fit
   */
  Object[] arguments(List<@Nullable Object> params) {
    Object[] arguments = new Object[parameters.size()];
    for (int i = 0; i < arguments.length; i++) {
      try {
        arguments[i] = parameters.get(i).convert(params.get(i));
      } catch (IllegalArgumentException e) {
        throw new FaultException(
            FaultCode.INVALID_PARAMS, fullName + " parameter " + (i + 1) + ": " + e.getMessage());
      }
    }
    return arguments;
  }

  /**
   * Calls the method on the current thread and returns its result: {@code true} for a void method,
   * a {@link CompletionStage} as it was returned.
   *
   * @throws Throwable what the method threw
   */
  @Nullable Object invoke(Object[] arguments) throws Throwable {
    Object result;
    try {
      result = method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    return answersTrue && !(result instanceof CompletionStage) ? Boolean.TRUE : result;
  }

  /** Whether a null result (or null completion) stands for {@code true}: a void method. */
  boolean answersTrue() {
    return answersTrue;
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
