package io.rpcservices.master.system;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.master.dispatch.MethodInfo;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.Help;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@code system} service: introspection ({@code listMethods}, {@code methodHelp}, {@code
 * methodSignature}), {@code multicall} and {@code getCapabilities}, as XML-RPC servers commonly
 * have them. Introspection covers remote services too, and through a group gateway only what the
 * gateway serves.
 *
 * <pre>{@code
 * builder.service("system", new SystemService(dispatcher::get));
 * }</pre>
 */
public final class SystemService {
  private final Supplier<Dispatcher> dispatcher;

  /**
   * A system service over the dispatcher that {@code dispatcher} supplies once the master is built
   * (the dispatcher knows this service too, so it cannot exist first).
   */
  public SystemService(Supplier<Dispatcher> dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** The names of all methods the caller can reach, sorted. */
  @Help("Lists the names of all methods, sorted.")
  public List<String> listMethods(CallContext call) {
    return dispatcher.get().registry().methodNames(call.group());
  }

  /** The help text of {@code name}, {@code ""} if it has none. */
  @Help("Returns the help text of a method, or an empty string.")
  public String methodHelp(CallContext call, String name) {
    return method(call, name).help();
  }

  /** The signatures of {@code name}: per overload, the result type and then the parameter types. */
  @Help(
      "Returns the signatures of a method: per overload an array of the result type followed by"
          + " the parameter types, as XML-RPC type names ('undef' for any type).")
  public List<List<String>> methodSignature(CallContext call, String name) {
    return method(call, name).signatures();
  }

  /**
   * Calls each {@code {methodName, params}} struct in order, each after the previous one has
   * completed, and answers their results: {@code [value]} for a success and a {@code {faultCode,
   * faultString}} struct for a fault.
   */
  @Help(
      "Calls several methods in order; takes an array of {methodName, params} structs and returns"
          + " an array holding [result] or a {faultCode, faultString} struct per call.")
  public CompletableFuture<List<@Nullable Object>> multicall(
      CallContext call, List<@Nullable Object> calls) {
    return new Multicall(dispatcher.get(), call, calls).start();
  }

  /** The specifications this server implements. */
  @Help("Returns the specifications this server implements, each with specUrl and specVersion.")
  public Map<String, Object> getCapabilities() {
    Map<String, Object> capabilities = new LinkedHashMap<>();
    capabilities.put("xmlrpc", spec("http://www.xmlrpc.com/spec", 1));
    capabilities.put(
        "faults_interop",
        spec("http://xmlrpc-epi.sourceforge.net/specs/rfc.fault_codes.php", 20010516));
    capabilities.put(
        "introspection", spec("http://xmlrpc-c.sourceforge.net/xmlrpc-c/introspection.html", 1));
    capabilities.put("system.multicall", spec("http://www.xmlrpc.com/discuss/msgReader$1208", 1));
    capabilities.put("nil", spec("http://www.ontosys.com/xml-rpc/extensions.php", 20010708));
    capabilities.put("i8", spec("http://ws.apache.org/xmlrpc/types.html", 1));
    return capabilities;
  }

  private MethodInfo method(CallContext call, String name) {
    return dispatcher
        .get()
        .registry()
        .describe(name, call.group())
        .orElseThrow(
            () -> new FaultException(FaultCode.METHOD_NOT_FOUND, "no such method: " + name));
  }

  private static Map<String, Object> spec(String url, int version) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("specUrl", url);
    spec.put("specVersion", version);
    return spec;
  }
}
