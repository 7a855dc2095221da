package io.rpcservices.master.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * All methods a master serves by full name: those of its local services, fixed when it is built,
 * and those of its {@link RemoteServices}, which change while it runs. A call through a group
 * gateway sees only that group's remote services and {@link #GATEWAY_METHODS}.
 */
public final class ServiceRegistry {
  /** The local methods that a group gateway serves, restricted to the group's services. */
  public static final Set<String> GATEWAY_METHODS =
      Set.of(
          "system.listMethods", "system.methodHelp", "system.methodSignature", "system.multicall");

  private final List<String> serviceNames;
  private final Map<String, MethodGroup> methods;
  private final RemoteServices remote;

  /**
   * A registry of {@code services}, in this order, without remote services.
   *
   * @throws IllegalArgumentException if two services have the same name
   */
  public ServiceRegistry(Collection<ServiceModel> services) {
    this(services, RemoteServices.NONE);
  }

  /**
   * A registry of the local {@code services}, in this order, and of {@code remote}.
   *
   * @throws IllegalArgumentException if two services have the same name
   */
  public ServiceRegistry(Collection<ServiceModel> services, RemoteServices remote) {
    List<String> names = new ArrayList<>();
    Map<String, MethodGroup> byName = new TreeMap<>();
    for (ServiceModel service : services) {
      if (names.contains(service.name())) {
        throw new IllegalArgumentException("service name already registered: " + service.name());
      }
      names.add(service.name());
      byName.putAll(service.methods());
    }
    this.serviceNames = List.copyOf(names);
    this.methods = byName;
    this.remote = remote;
  }

  /** The local service names, in registration order. */
  public List<String> serviceNames() {
    return serviceNames;
  }

  /** Whether {@code name} is the name of a local service. */
  public boolean hasLocalService(String name) {
    return serviceNames.contains(name);
  }

  /** The full names of all methods, local and remote, sorted. */
  public List<String> methodNames() {
    return methodNames(null);
  }

  /**
   * The full names of the methods visible from {@code group}'s gateway ({@code null}: all), sorted.
   */
  public List<String> methodNames(@Nullable String group) {
    Set<String> names = new TreeSet<>();
    if (group == null) {
      names.addAll(methods.keySet());
    } else {
      names.addAll(GATEWAY_METHODS);
    }
    remote.methods(group).forEach(method -> names.add(method.name()));
    return List.copyOf(names);
  }

  /** The local method {@code name}, such as {@code stack.pop}, with its overloads. */
  public Optional<MethodGroup> method(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  /** The local method {@code name} if it is visible from {@code group}'s gateway. */
  public Optional<MethodGroup> method(String name, @Nullable String group) {
    if (group != null && !GATEWAY_METHODS.contains(name)) {
      return Optional.empty();
    }
    return method(name);
  }

  /** The remote method {@code name} if it is visible from {@code group}'s gateway. */
  public Optional<RemoteMethod> remoteMethod(String name, @Nullable String group) {
    return methods.containsKey(name) ? Optional.empty() : remote.method(name, group);
  }

  /** The method {@code name}, local or remote, if it is visible from {@code group}'s gateway. */
  public Optional<MethodInfo> describe(String name, @Nullable String group) {
    Optional<MethodInfo> local = method(name, group).map(MethodInfo.class::cast);
    return local.isPresent() ? local : remoteMethod(name, group).map(MethodInfo.class::cast);
  }
}
