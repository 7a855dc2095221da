package io.rpcservices.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rpcservices.client.RpcClient;
import io.rpcservices.testing.MasterExtension;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every value type of DESIGN.md between Python's {@code xmlrpc.client} and the Java client, both
 * ways, through a master: see {@code src/test/python/value_types.py} for the Python half.
 */
class PythonValueTypesTest {
  @RegisterExtension static final MasterExtension master = MasterExtension.builder().build();

  @BeforeAll
  static void needsPython() throws InterruptedException {
    assumeTrue(ProcessRun.available("python3"), "python3 not found on the PATH: test skipped");
  }

  @Test
  void everyValueTypeRoundTripsBetweenPythonAndJava() throws Exception {
    RpcClient client = master.client();
    client.call("storage.create", "fromjava");
    client.call("storage.setParameters", "fromjava", fromJava());
    String script = ProcessRun.location("rpcservices.scripts").resolve("value_types.py").toString();

    ProcessRun run = ProcessRun.of(List.of("python3", script, master.url() + "/RPC2"));

    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines())
        .containsExactly(
            "ok fromjava int",
            "ok fromjava i8",
            "ok fromjava negative",
            "ok fromjava boolean",
            "ok fromjava string",
            "ok fromjava double",
            "ok fromjava dateTime",
            "ok fromjava base64",
            "ok fromjava struct",
            "ok fromjava array",
            "ok fromjava nil",
            "ok set int",
            "ok set boolean",
            "ok set string",
            "ok set double",
            "ok set dateTime",
            "ok set base64",
            "ok set struct",
            "ok set array",
            "ok set nil",
            "ok frompython int",
            "ok frompython boolean",
            "ok frompython string",
            "ok frompython double",
            "ok frompython dateTime",
            "ok frompython base64",
            "ok frompython struct",
            "ok frompython array",
            "ok frompython nil",
            "fault 200 ParameterNotFoundError: " + missingParameterDetail(),
            "fault 100 StackIndexError: stack 'empty' is empty",
            "fault -32601 MethodNotFound: no such method: nosuch.method");
    assertThat(run.exitCode()).isZero();

    Map<?, ?> fromPython = (Map<?, ?>) client.call("storage.getAllParameters", "frompython");
    assertThat(fromPython.get("int")).isEqualTo(7);
    assertThat(fromPython.get("boolean")).isEqualTo(false);
    assertThat(fromPython.get("string")).isEqualTo("café & <tags>");
    assertThat(fromPython.get("double")).isEqualTo(-0.125);
    assertThat(fromPython.get("dateTime")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    assertThat((byte[]) fromPython.get("base64"))
        .containsExactly(0, 'b', 'i', 'n', 'a', 'r', 'y', 0xff);
    assertThat(fromPython.get("struct"))
        .isEqualTo(Map.of("nested", Map.of("deep", List.of(1, 2)), "empty", Map.of()));
    assertThat(fromPython.get("array")).isEqualTo(Arrays.asList(null, true, "s", 1.5, List.of()));
    assertThat(fromPython.containsKey("nil")).isTrue();
    assertThat(fromPython.get("nil")).isNull();
  }

  /** The values the Python half expects, one of each type, in the order it checks them. */
  private static Map<String, Object> fromJava() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("int", 42);
    values.put("i8", 5_000_000_000L);
    values.put("negative", Integer.MIN_VALUE);
    values.put("boolean", true);
    values.put("string", "héllo <&> 世界");
    values.put("double", 2.5);
    values.put("dateTime", LocalDateTime.of(2026, 11, 23, 10, 0, 0));
    values.put("base64", new byte[] {0, 1, 2, (byte) 255});
    values.put("struct", Map.of("a", 1, "b", Arrays.asList("x", null)));
    values.put("array", List.of(1, "two", 3.0, false));
    values.put("nil", null);
    return values;
  }

  /** The detail of the fault for a missing parameter, as the master words it. */
  private static String missingParameterDetail() {
    try {
      master.client().call("storage.getParameter", "frompython", "missing");
    } catch (RuntimeException e) {
      return e.getMessage().substring("ParameterNotFoundError: ".length());
    }
    throw new AssertionError("storage.getParameter of a missing parameter did not fault");
  }
}
