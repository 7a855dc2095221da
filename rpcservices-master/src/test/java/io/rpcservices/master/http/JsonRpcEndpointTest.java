package io.rpcservices.master.http;

import static io.rpcservices.master.JsonRpcWire.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.JsonRpcWire;
import io.rpcservices.master.Master;
import io.rpcservices.master.TestService;
import io.rpcservices.master.WireClient;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.Success;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JSON-RPC 2.0 on {@code POST /jsonrpc} of a real master. The examples of the specification
 * (section 7) are sent as they are written there, except that the example methods live in a service
 * {@code spec} (a master's methods are always {@code <service>.<method>}), so their names get the
 * prefix {@code spec.}; {@code foobar} and {@code foo.get} stay unknown. Our errors carry
 * "ErrorName: detail" messages and {@code data.type} (DESIGN.md, "Faults") where the spec shows its
 * standard texts, so errors are compared after {@link #specForm} checks ours and puts the spec's
 * text in their place.
 */
class JsonRpcEndpointTest {
  private static final Map<Integer, String> SPEC_MESSAGES =
      Map.of(
          -32700, "Parse error",
          -32600, "Invalid Request",
          -32601, "Method not found",
          -32602, "Invalid params",
          -32603, "Internal error");
  private static final List<String> SPEC_METHODS =
      List.of("subtract", "sum", "get_data", "update", "notify_hello", "notify_sum");

  /** The methods of the specification's examples. */
  public static final class Spec {
    final BlockingQueue<String> notified = new LinkedBlockingQueue<>();

    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }

    public int sum(int a, int b, int c) {
      return a + b + c;
    }

    public List<Object> get_data() {
      return List.of("hello", 5);
    }

    public void update(int a, int b, int c, int d, int e) {
      notified.add("update " + List.of(a, b, c, d, e));
    }

    public void notify_hello(int value) {
      notified.add("notify_hello " + value);
    }

    public void notify_sum(int a, int b, int c) {
      notified.add("notify_sum " + (a + b + c));
    }
  }

  private final Spec spec = new Spec();
  private final Master master =
      Master.builder()
          .port(0)
          .service("spec", spec)
          .service("test", new TestService())
          .build()
          .start();
  private final JsonRpcWire wire = new JsonRpcWire(master);

  @AfterEach
  void closeMaster() {
    master.close();
  }

  @Test
  void answersSpecCallsWithPositionalParams() {
    assertAnswers("positional-1");
    assertAnswers("positional-2");
  }

  @Test
  void answersSpecCallsWithNamedParams() {
    assertAnswers("named-3");
    assertAnswers("named-4");
  }

  @Test
  void runsSpecNotificationsAndAnswersNothing() throws InterruptedException {
    assertNoAnswer("notification-update");
    assertNoAnswer("notification-foobar");

    assertThat(spec.notified.poll(10, TimeUnit.SECONDS)).isEqualTo("update [1, 2, 3, 4, 5]");
  }

  @Test
  void answersSpecErrors() {
    assertAnswers("method-not-found");
    assertAnswers("invalid-json");
    assertAnswers("invalid-request-object");
    assertAnswers("batch-invalid-json");
    assertAnswers("empty-array");
    assertAnswers("invalid-batch-one");
    assertAnswers("invalid-batch");
  }

  @Test
  void answersSpecBatch() throws InterruptedException {
    assertAnswers("batch");

    assertThat(spec.notified.poll(10, TimeUnit.SECONDS)).isEqualTo("notify_hello 7");
  }

  @Test
  void answersSpecBatchOfNotificationsWithNoContent() throws InterruptedException {
    assertNoAnswer("batch-all-notifications");

    List<String> notified = new ArrayList<>();
    notified.add(spec.notified.poll(10, TimeUnit.SECONDS));
    notified.add(spec.notified.poll(10, TimeUnit.SECONDS));
    assertThat(notified).containsExactlyInAnyOrder("notify_sum 7", "notify_hello 7");
  }

  @Test
  void errorsCarryTheirTypeAsData() {
    assertThat(wire.postTree("{\"jsonrpc\": \"2.0\", \"method\": \"nope.nothing\", \"id\": \"a\"}"))
        .isEqualTo(
            tree(
                "{\"jsonrpc\": \"2.0\", \"id\": \"a\", \"error\": {\"code\": -32601,"
                    + " \"message\": \"MethodNotFound: no such method: nope.nothing\","
                    + " \"data\": {\"type\": \"MethodNotFound\"}}}"));
  }

  @Test
  void refusesNamedParamsThatMatchNoOverload() {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("minuend", 42);
    params.put("x", 23);

    assertThat(wire.callNamed("spec.subtract", params))
        .isEqualTo(
            Fault.of(
                FaultCode.INVALID_PARAMS,
                "spec.subtract takes parameters named (minuend, subtrahend), received (minuend,"
                    + " x)"));
  }

  @Test
  void mapsNamedParamsAmongOverloads() {
    assertThat(wire.callNamed("test.pop", Map.of("name", "in"))).isEqualTo(new Success("pop in"));
    assertThat(wire.callNamed("test.pop", Map.of("timeoutSeconds", 5, "name", "in")))
        .isEqualTo(new Success("pop in 5"));
    assertThat(wire.callNamed("test.whoami", Map.of())).isEqualTo(new Success("127.0.0.1"));
  }

  @Test
  void refusesWrongNumberOfPositionalParams() {
    assertThat(wire.call("spec.subtract", 1))
        .isEqualTo(
            Fault.of(FaultCode.INVALID_PARAMS, "spec.subtract takes 2 parameters, received 1"));
  }

  @Test
  void takesBase64AndDateTimeStringsForBinaryAndDateParameters() {
    assertThat(wire.value("test.reverse", "AQID")).isEqualTo("AwIB");
    assertThat(wire.value("test.nextDay", "20261123T10:00:00")).isEqualTo("20261124T10:00:00");
    assertThat(wire.call("test.reverse", "not base64!"))
        .isEqualTo(
            Fault.of(
                FaultCode.INVALID_PARAMS,
                "test.reverse parameter 1: expected base64, received string (not base64)"));
  }

  @Test
  void refusesInvalidTimeoutHeader() {
    WireClient client = new WireClient(master);
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(client.uri("/jsonrpc"))
                .header("X-Rpc-Timeout", "soon")
                .POST(
                    BodyPublishers.ofString(
                        "{\"jsonrpc\": \"2.0\", \"method\": \"x.y\", \"id\": 1}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("X-Rpc-Timeout: soon (expected: seconds > 0, such as 1.5)");
  }

  @Test
  void refusesInvalidTimeoutMemberForThatEntryAndServesTheRest() {
    assertThat(
            wire.postTree(
                "[{\"jsonrpc\": \"2.0\", \"method\": \"test.add\", \"params\": [1, 2],"
                    + " \"timeout\": -1, \"id\": 1},"
                    + " {\"jsonrpc\": \"2.0\", \"method\": \"test.add\", \"params\": [20, 22],"
                    + " \"timeout\": 0.5, \"id\": 2}]"))
        .isEqualTo(
            tree(
                "[{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\":"
                    + " \"InvalidRequest: timeout: -1 (expected: seconds > 0, such as 1.5)\","
                    + " \"data\": {\"type\": \"InvalidRequest\"}}, \"id\": 1},"
                    + " {\"jsonrpc\": \"2.0\", \"result\": 42, \"id\": 2}]"));
    assertThat(wire.call("test.add", 1, 2)).isEqualTo(new Success(3));
  }

  @Test
  void acceptsValidTimeoutHeaderForBuiltInCalls() {
    assertThat(wire.callWithin("0.5", "test.add", 20, 22)).isEqualTo(new Success(42));
  }

  @Test
  void letsBuiltInWaitsOutlastTheCallDeadline() {
    wire.value("stack.create", "empty");

    assertThat(wire.callWithin("0.1", "stack.pop", "empty", 0.5))
        .isEqualTo(Fault.of(FaultCode.STACK_INDEX_ERROR, "stack 'empty' is empty"));
  }

  @Test
  void answersInternalErrorsWithoutDetails() {
    assertThat(
            wire.postTree(
                "[{\"jsonrpc\": \"2.0\", \"method\": \"test.crash\", \"id\": 1},"
                    + " {\"jsonrpc\": \"2.0\", \"method\": \"test.unencodable\", \"id\": 2},"
                    + " {\"jsonrpc\": \"2.0\", \"method\": \"test.add\", \"params\": [1, 2],"
                    + " \"id\": 3}]"))
        .isEqualTo(
            tree(
                "[{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": -32603,"
                    + " \"message\": \"InternalError: internal error\","
                    + " \"data\": {\"type\": \"InternalError\"}}},"
                    + " {\"jsonrpc\": \"2.0\", \"id\": 2, \"error\": {\"code\": -32603,"
                    + " \"message\": \"InternalError: internal error\","
                    + " \"data\": {\"type\": \"InternalError\"}}},"
                    + " {\"jsonrpc\": \"2.0\", \"id\": 3, \"result\": 3}]"));
  }

  @Test
  void answersRequestTooLargeForDeepNesting() {
    try (Master small =
        Master.builder().port(0).limits(Limits.builder().maxDepth(3).build()).build().start()) {
      Object answer =
          new JsonRpcWire(small)
              .postTree(
                  "{\"jsonrpc\": \"2.0\", \"method\": \"stack.push\","
                      + " \"params\": [\"s\", [[[[1]]]]], \"id\": 1}");

      Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) answer).get("error");
      assertThat(error.get("code")).isEqualTo(FaultCode.REQUEST_TOO_LARGE.code());
      assertThat(((Map<?, ?>) answer).get("id")).isNull();
    }
  }

  @Test
  void answersPythonUrllibClient() throws Exception {
    String script =
        String.join(
            "\n",
            "import json, sys, urllib.request",
            "body = json.dumps([",
            "  {'jsonrpc': '2.0', 'method': 'spec.subtract',"
                + " 'params': {'minuend': 42, 'subtrahend': 23}, 'id': 1},",
            "  {'jsonrpc': '2.0', 'method': 'test.echo', 'params': ['h\u00e9'], 'id': 'two'},",
            "]).encode()",
            "request = urllib.request.Request(sys.argv[1], data=body,"
                + " headers={'Content-Type': 'application/json'})",
            "with urllib.request.urlopen(request, timeout=30) as response:",
            "  answer = json.load(response)",
            "print(json.dumps(sorted(answer, key=lambda r: str(r['id']))))");
    Process python =
        new ProcessBuilder("python3", "-c", script, master.url() + "/jsonrpc")
            .redirectErrorStream(true)
            .start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(output).isZero();
    assertThat(tree(output))
        .isEqualTo(
            tree(
                "[{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 1},"
                    + " {\"jsonrpc\": \"2.0\", \"result\": \"h\u00e9\", \"id\": \"two\"}]"));
  }

  private void assertAnswers(String example) {
    assertThat(specForm(wire.postTree(request(example))))
        .as(example)
        .isEqualTo(tree(fixture(example + "-response.json")));
  }

  private void assertNoAnswer(String example) {
    HttpResponse<byte[]> response = wire.post(request(example));

    assertThat(response.statusCode()).as(example).isEqualTo(204);
    assertThat(response.body()).as(example).isEmpty();
  }

  /** The example's request, its methods moved into the service {@code spec}. */
  private static String request(String example) {
    String request = fixture(example + "-request.json");
    for (String method : SPEC_METHODS) {
      request =
          request.replace("\"method\": \"" + method + "\"", "\"method\": \"spec." + method + "\"");
    }
    return request;
  }

  private static String fixture(String name) {
    try (InputStream in = JsonRpcEndpointTest.class.getResourceAsStream("/jsonrpc-spec/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks that every error in a response tree has our message form and data, then gives it the
   * spec's standard message and no data.
   */
  private static Object specForm(@Nullable Object tree) {
    if (tree instanceof List<?> list) {
      List<Object> responses = new ArrayList<>();
      list.forEach(response -> responses.add(specForm(response)));
      return responses;
    }
    Map<String, Object> response = new LinkedHashMap<>();
    ((Map<?, ?>) tree).forEach((name, value) -> response.put((String) name, value));
    if (response.get("error") instanceof Map<?, ?> error) {
      int code = (Integer) error.get("code");
      String name = FaultCode.of(code).orElseThrow().errorName();
      assertThat(error.get("data")).isEqualTo(Map.of("type", name));
      assertThat((String) error.get("message")).startsWith(name + ": ");
      response.put("error", Map.of("code", code, "message", SPEC_MESSAGES.get(code)));
    }
    return response;
  }
}
