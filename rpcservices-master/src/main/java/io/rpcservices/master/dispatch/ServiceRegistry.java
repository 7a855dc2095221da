package io.rpcservices.master.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** All services of a master and their methods by full name; immutable. */
public final class ServiceRegistry {
  private final List<String> serviceNames;
  private final Map<String, MethodGroup> methods;

  /**
   * A registry of {@code services}, in this order.
   *
   * @throws IllegalArgumentException if two services have the same name
   */
  public ServiceRegistry(Collection<ServiceModel> services) {
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
  }

  /** The service names, in registration order. */
  public List<String> serviceNames() {
    return serviceNames;
  }

  /** The full names of all methods, sorted. */
  public List<String> methodNames() {
    return List.copyOf(methods.keySet());
  }

  /** The method {@code name}, such as {@code stack.pop}, with its overloads. */
  public Optional<MethodGroup> method(String name) {
    return Optional.ofNullable(methods.get(name));
  }
}
