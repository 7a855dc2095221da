package io.rpcservices.master.worker;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a worker sends to {@code worker.register}, checked.
 *
 * @param service the service name, such as {@code math}
 * @param groups the gateway groups the service belongs to
 * @param methods the methods by name (without the service prefix), in the order sent
 * @param host the worker's host name, or the peer's address when it sent none
 * @param pid the worker's process id, 0 when it sent none
 * @param concurrency how many calls the worker runs at once (1 when it sent none)
 */
record Registration(
    String service,
    List<String> groups,
    Map<String, MethodSpec> methods,
    String host,
    long pid,
    int concurrency) {

  /** Names that only the master's own services may have. */
  static final Set<String> BUILT_IN =
      Set.of("stack", "storage", "provider", "system", "master", "mgt", "events", "worker");

  /** The most calls a worker may take at once. */
  static final int MAX_CONCURRENCY = 10_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final String METHOD = "worker.register";

  /**
   * One method a worker serves.
   *
   * @param name the name without the service prefix
   * @param signatures as {@code system.methodSignature} gives them
   * @param help the help text, {@code ""} if none
   */
  record MethodSpec(String name, List<List<String>> signatures, String help) {}

  /**
   * Reads a registration struct.
   *
   * @param peerAddress the host to record when the worker sent none
   * @throws FaultException an InvalidParams fault naming the member that is wrong
   */
  static Registration parse(Map<String, @Nullable Object> struct, String peerAddress) {
    String service = string(struct, "service", null);
    if (!NAME.matcher(service).matches()) {
      throw invalid(
          "service: '"
              + service
              + "' (expected: letters, digits and '_', not starting"
              + " with a digit)");
    }
    if (BUILT_IN.contains(service)) {
      throw invalid("service: '" + service + "' is a built-in service");
    }
    List<String> groups = new ArrayList<>();
    for (Object group : list(struct, "groups")) {
      if (!(group instanceof String name) || !GROUP.matcher(name).matches()) {
        throw invalid("groups: " + group + " (expected: names of letters, digits, '_', '.', '-')");
      }
      groups.add(name);
    }
    Map<String, MethodSpec> methods = new LinkedHashMap<>();
    for (Object method : list(struct, "methods")) {
      MethodSpec spec = method(method);
      methods.put(spec.name(), spec);
    }
    if (methods.isEmpty()) {
      throw invalid("methods: empty (expected: at least one {name, signature, help})");
    }
    String host = string(struct, "host", peerAddress);
    long pid = integer(struct, "pid", 0, Long.MAX_VALUE, 0);
    int concurrency = (int) integer(struct, "concurrency", 1, MAX_CONCURRENCY, 1);
    return new Registration(
        service, List.copyOf(groups), Collections.unmodifiableMap(methods), host, pid, concurrency);
  }

  private static MethodSpec method(@Nullable Object method) {
    if (!(method instanceof Map<?, ?> struct)) {
      throw invalid("methods: " + method + " (expected: a struct {name, signature, help})");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> members = (Map<String, @Nullable Object>) struct;
    String name = string(members, "name", null);
    if (!NAME.matcher(name).matches()) {
      throw invalid(
          "method name: '"
              + name
              + "' (expected: letters, digits and '_', not starting"
              + " with a digit)");
    }
    List<List<String>> signatures = new ArrayList<>();
    for (Object signature : list(members, "signature")) {
      signatures.add(signature(name, signature));
    }
    return new MethodSpec(name, List.copyOf(signatures), string(members, "help", ""));
  }

  private static List<String> signature(String method, @Nullable Object signature) {
    if (!(signature instanceof List<?> types)
        || types.isEmpty()
        || !types.stream().allMatch(String.class::isInstance)) {
      throw invalid(
          "signature of " + method + ": " + signature + " (expected: arrays of type names)");
    }
    return types.stream().map(String.class::cast).toList();
  }

  private static String string(
      Map<String, @Nullable Object> struct, String member, @Nullable String fallback) {
    Object value = struct.get(member);
    if (value == null && fallback != null) {
      return fallback;
    }
    if (!(value instanceof String text)) {
      throw invalid(member + ": " + (value == null ? "missing" : value) + " (expected: a string)");
    }
    return text;
  }

  private static List<?> list(Map<String, @Nullable Object> struct, String member) {
    Object value = struct.get(member);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(member + ": " + value + " (expected: an array)");
    }
    return list;
  }

  private static long integer(
      Map<String, @Nullable Object> struct, String member, long min, long max, long fallback) {
    Object value = struct.get(member);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer || value instanceof Long)
        || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw invalid(
          member + ": " + value + " (expected: an integer from " + min + " to " + max + ")");
    }
    return ((Number) value).longValue();
  }

  private static FaultException invalid(String detail) {
    return new FaultException(FaultCode.INVALID_PARAMS, METHOD + ": " + detail);
  }
}
