package io.rpcservices.cli;

import io.rpcservices.client.RpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a master holds at one moment, as the monitor shows it: the logged-in clients, each stack
 * with its size, and the storage names.
 *
 * @param clients provider records by client name, sorted by name
 * @param stackSizes stack sizes by stack name, sorted; {@code null} for a stack gone meanwhile
 * @param storages the storage names, sorted
 */
record MonitorSnapshot(
    Map<String, Map<?, ?>> clients,
    Map<String, @Nullable Integer> stackSizes,
    List<String> storages) {

  /** Asks the master, with one multicall for all the stack sizes. */
  static MonitorSnapshot take(RpcClient client) {
    Map<String, Map<?, ?>> clients = new TreeMap<>();
    asMap(client.call("provider.getAllClients"))
        .forEach((name, record) -> clients.put(String.valueOf(name), asMap(record)));

    List<String> stackNames = sortedNames(client.call("stack.getAllNames"));
    List<Map<String, Object>> sizeCalls = new ArrayList<>();
    for (String name : stackNames) {
      sizeCalls.add(Map.of("methodName", "stack.getSize", "params", List.of(name)));
    }
    List<?> sizes =
        sizeCalls.isEmpty() ? List.of() : asList(client.call("system.multicall", sizeCalls));
    Map<String, @Nullable Integer> stackSizes = new TreeMap<>();
    for (int i = 0; i < stackNames.size(); i++) {
      stackSizes.put(stackNames.get(i), i < sizes.size() ? size(sizes.get(i)) : null);
    }

    return new MonitorSnapshot(
        clients, stackSizes, sortedNames(client.call("storage.getAllNames")));
  }

  /** A multicall result: a one-element array on success, a fault struct otherwise. */
  private static @Nullable Integer size(@Nullable Object result) {
    if (result instanceof List<?> values
        && values.size() == 1
        && values.get(0) instanceof Number number) {
      return number.intValue();
    }
    return null;
  }

  private static List<String> sortedNames(@Nullable Object names) {
    List<String> sorted = new ArrayList<>();
    for (Object name : asList(names)) {
      sorted.add(String.valueOf(name));
    }
    sorted.sort(null);
    return sorted;
  }

  private static Map<?, ?> asMap(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static List<?> asList(@Nullable Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
