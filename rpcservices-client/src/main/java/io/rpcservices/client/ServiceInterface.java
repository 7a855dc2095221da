package io.rpcservices.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A user's interface, checked and parsed once: a {@link ServiceMethod} for each of its abstract
 * methods. Proxies of it call those methods on the wire, answer {@code equals}, {@code hashCode}
 * and {@code toString} themselves and run default methods locally.
 */
final class ServiceInterface {
  private final Class<?> api;
  // Filled once in parse() and only read afterwards, so proxies share it without locking.
  private final Map<Method, ServiceMethod> methods;

  private ServiceInterface(Class<?> api, Map<Method, ServiceMethod> methods) {
    this.api = api;
    this.methods = methods;
  }

  /**
   * Checks {@code api} and parses every method it will call.
   *
   * @throws IllegalArgumentException naming the interface or the first method that is not fit
   */
  static ServiceInterface parse(Class<?> api) {
    if (!api.isInterface()) {
      throw new IllegalArgumentException(api.getName() + ": not an interface (expected: one)");
    }
    if (api.getTypeParameters().length > 0) {
      throw new IllegalArgumentException(api.getName() + ": has type parameters (expected: none)");
    }
    Map<Method, ServiceMethod> methods = new HashMap<>();
    for (Method method : api.getMethods()) {
      if (!method.isDefault()
          && !Modifier.isStatic(method.getModifiers())
          && !isObjectMethod(method)) {
        methods.put(method, ServiceMethod.parse(method));
      }
    }
    return new ServiceInterface(api, methods);
  }

  /** A proxy of {@code type} that calls {@code service} through {@code client}. */
  <T> T newProxy(RpcClient client, String service, Class<T> type) {
    InvocationHandler handler =
        (proxy, method, args) -> invoke(client, service, proxy, method, args);
    return type.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
  }

  private @Nullable Object invoke(
      RpcClient client, String service, Object proxy, Method method, Object @Nullable [] args)
      throws Throwable {
    Object[] arguments = args == null ? new Object[0] : args;
    if (isObjectMethod(method)) {
      return objectMethod(client, service, proxy, method, arguments);
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, arguments);
    }
    ServiceMethod target = methods.get(method);
    if (target == null) {
      throw new IllegalStateException(method + ": not a method of " + api.getName());
    }
    return target.invoke(client, service, arguments);
  }

  private Object objectMethod(
      RpcClient client, String service, Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> api.getSimpleName() + "[" + service + " at " + client.url() + "]";
    };
  }

  private static boolean isObjectMethod(Method method) {
    Class<?>[] params = method.getParameterTypes();
    return switch (method.getName()) {
      case "equals" -> params.length == 1 && params[0] == Object.class;
      case "hashCode", "toString" -> params.length == 0;
      default -> false;
    };
  }
}
