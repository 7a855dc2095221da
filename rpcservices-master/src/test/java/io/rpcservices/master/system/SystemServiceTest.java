package io.rpcservices.master.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.Master;
import io.rpcservices.master.TestService;
import io.rpcservices.master.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemServiceTest {
  private final Master master =
      Master.builder().port(0).service("test", new TestService()).build().start();
  private final WireClient client = new WireClient(master);

  @AfterEach
  void closeMaster() {
    master.close();
  }

  private static Map<String, Object> call(String method, Object... params) {
    return Map.of("methodName", method, "params", List.of(params));
  }

  @Test
  void listsAllMethodsSorted() {
    List<?> methods = (List<?>) client.value("system.listMethods");
    List<String> names = methods.stream().map(String.class::cast).toList();
    assertThat(names).isSorted();
    assertThat(names)
        .contains(
            "test.add",
            "test.pop",
            "system.listMethods",
            "system.methodHelp",
            "system.methodSignature",
            "system.multicall",
            "system.getCapabilities",
            "master.ping",
            "master.info",
            "stack.push",
            "storage.setParameter",
            "provider.login")
        .doesNotContain("test.hashCode", "test.toString", "test.whoami.CallContext");
  }

  @Test
  void answersMethodHelp() {
    assertThat(client.value("system.methodHelp", "test.add")).isEqualTo("Adds two integers.");
    assertThat(client.value("system.methodHelp", "test.echo")).isEqualTo("");
    assertThat(client.fault("system.methodHelp", "test.nope").message())
        .isEqualTo("MethodNotFound: no such method: test.nope");
  }

  @Test
  void answersMethodSignature() {
    assertThat(client.value("system.methodSignature", "test.pop"))
        .isEqualTo(List.of(List.of("string", "string"), List.of("string", "string", "int")));
    assertThat(client.value("system.methodSignature", "test.reverse"))
        .isEqualTo(List.of(List.of("base64", "base64")));
    assertThat(client.value("system.methodSignature", "test.nextDay"))
        .isEqualTo(List.of(List.of("dateTime.iso8601", "dateTime.iso8601")));
    assertThat(client.value("system.methodSignature", "test.struct"))
        .isEqualTo(List.of(List.of("struct", "struct")));
    assertThat(client.value("system.methodSignature", "system.listMethods"))
        .isEqualTo(List.of(List.of("array")));
    assertThat(client.fault("system.methodSignature", "nope.nope").code()).isEqualTo(-32601);
  }

  @Test
  void runsMulticallInOrderWithFaultEntries() {
    List<Object> calls = new ArrayList<>();
    calls.add(call("test.add", 1, 2));
    calls.add(call("stack.create", "multicall"));
    calls.add(call("stack.push", "multicall", "first"));
    calls.add(call("stack.pop", "multicall"));
    calls.add(call("test.nope"));
    calls.add(call("system.multicall", List.of()));
    calls.add("not a struct");
    calls.add(call("test.delayed", 50));
    Object results = client.value("system.multicall", calls);
    assertThat(results)
        .isEqualTo(
            List.of(
                List.of(3),
                List.of("multicall"),
                List.of(1),
                List.of("first"),
                Map.of(
                    "faultCode",
                    -32601,
                    "faultString",
                    "MethodNotFound: no such method: test.nope"),
                Map.of(
                    "faultCode",
                    -32600,
                    "faultString",
                    "InvalidRequest: system.multicall entry 6: cannot be nested"),
                Map.of(
                    "faultCode",
                    -32600,
                    "faultString",
                    "InvalidRequest: system.multicall entry 7: expected a struct with methodName"
                        + " and params"),
                List.of("done")));
  }

  @Test
  void passesCallerAddressIntoMulticall() {
    assertThat(client.value("system.multicall", List.of(call("test.whoami"))))
        .isEqualTo(List.of(List.of("127.0.0.1")));
  }

  @Test
  void answersCapabilities() {
    @SuppressWarnings("unchecked")
    Map<String, Object> capabilities = (Map<String, Object>) client.value("system.getCapabilities");
    assertThat(capabilities.keySet())
        .containsExactly(
            "xmlrpc", "faults_interop", "introspection", "system.multicall", "nil", "i8");
    assertThat(capabilities.get("faults_interop"))
        .isEqualTo(
            Map.of(
                "specUrl",
                "http://xmlrpc-epi.sourceforge.net/specs/rfc.fault_codes.php",
                "specVersion",
                20010516));
  }
}
