package io.rpcservices.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.JsonRpcWire;
import io.rpcservices.master.Master;
import io.rpcservices.master.WireClient;
import io.rpcservices.master.WsPeer;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.Success;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group gateways: {@code /groups/<group>/RPC2} and {@code /jsonrpc} serve only that group. */
class GatewayTest {
  private static final List<String> GATEWAY_SYSTEM =
      List.of(
          "system.listMethods", "system.methodHelp", "system.methodSignature", "system.multicall");

  private final Master master = Master.builder().port(0).build().start();
  private final List<WsPeer> workers = new ArrayList<>();
  private final WireClient gateway = new WireClient(master, "/groups/web-services/RPC2");
  private final JsonRpcWire jsonGateway = new JsonRpcWire(master, "/groups/web-services/jsonrpc");

  @BeforeEach
  void registerWorkers() {
    workers.add(worker("math", "web-services", "multiply"));
    workers.add(worker("crawler", "batch", "fetch"));
  }

  @AfterEach
  void closeMaster() {
    workers.forEach(WsPeer::abort);
    master.close();
  }

  @Test
  void servesTheGroupsServices() {
    assertThat(gateway.value("math.multiply", 6, 7)).isEqualTo(42);
    assertThat(jsonGateway.value("math.multiply", 6, 7)).isEqualTo(42);
  }

  @Test
  void hidesOtherServices() {
    for (String method : List.of("crawler.fetch", "stack.create", "master.ping", "mgt.services")) {
      Fault notFound = Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: " + method);
      assertThat(gateway.fault(method, "x")).isEqualTo(notFound);
      assertThat(jsonGateway.fault(method, "x")).isEqualTo(notFound);
    }
    assertThat(gateway.fault("system.getCapabilities"))
        .isEqualTo(Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: system.getCapabilities"));
  }

  @Test
  void restrictsIntrospectionToTheGroup() {
    List<String> expected = new ArrayList<>(GATEWAY_SYSTEM);
    expected.add(0, "math.multiply");
    assertThat(gateway.value("system.listMethods")).isEqualTo(expected);
    assertThat(jsonGateway.value("system.listMethods")).isEqualTo(expected);
    assertThat(gateway.value("system.methodHelp", "math.multiply")).isEqualTo("Multiplies.");
    assertThat(gateway.fault("system.methodHelp", "stack.pop"))
        .isEqualTo(Fault.of(FaultCode.METHOD_NOT_FOUND, "no such method: stack.pop"));
    assertThat(new WireClient(master, "/groups/nobody/RPC2").value("system.listMethods"))
        .isEqualTo(GATEWAY_SYSTEM);
  }

  @Test
  void restrictsMulticallToTheGroup() {
    assertThat(
            gateway.value(
                "system.multicall",
                List.of(
                    Map.of("methodName", "math.multiply", "params", List.of(2, 3)),
                    Map.of("methodName", "stack.create", "params", List.of("s")))))
        .isEqualTo(
            List.of(
                List.of(6),
                Map.of(
                    "faultCode",
                    -32601,
                    "faultString",
                    "MethodNotFound: no such method: stack.create")));
  }

  @Test
  void answersNotFoundForInvalidGroupPaths() {
    assertThat(gateway.post("/groups/bad%20name/RPC2", new byte[0]).statusCode()).isEqualTo(404);
    assertThat(gateway.post("/groups/web-services/xmlrpc", new byte[0]).statusCode())
        .isEqualTo(404);
  }

  /** A worker that registers {@code service} in {@code group} and multiplies whatever it gets. */
  private WsPeer worker(String service, String group, String method) {
    WsPeer peer = WsPeer.connect(master);
    peer.onCall(
        call -> {
          if (call instanceof JsonRpcMessage.Request request) {
            Map<?, ?> invocation =
                (Map<?, ?>) ((JsonRpcParams.Positional) request.params()).values().get(0);
            List<?> params = (List<?>) invocation.get("params");
            peer.send(
                new JsonRpcMessage.Response(
                    request.id(), new Success((Integer) params.get(0) * (Integer) params.get(1))));
          }
        });
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("service", service);
    registration.put("groups", List.of(group));
    registration.put(
        "methods",
        List.of(
            Map.of(
                "name",
                method,
                "signature",
                List.of(List.of("int", "int", "int")),
                "help",
                "Multiplies.")));
    assertThat(peer.call("worker.register", registration)).isInstanceOf(Success.class);
    return peer;
  }
}
