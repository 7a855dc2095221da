package io.rpcservices.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rpcservices.client.RpcClient;
import io.rpcservices.testing.MasterExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallCommandTest {
  @RegisterExtension
  static final MasterExtension master =
      MasterExtension.builder().service("echo", new Echo()).build();

  @Test
  void printsZeroForTheSizeOfAnEmptyStack() {
    master.client().call("stack.create", "in");

    CliRun run = CliRun.of("call", "--url", master.url(), "stack.getSize", "in");

    assertThat(run).isEqualTo(new CliRun(0, "0\n", ""));
  }

  @Test
  void printsTheFaultStringOnStderrAndExitsWithThree() {
    master.client().call("storage.create", "config");
    String faultString =
        catchThrowable(() -> master.client().call("storage.getParameter", "config", "missing"))
            .getMessage();

    CliRun run =
        CliRun.of("call", "--url", master.url(), "storage.getParameter", "config", "missing");

    assertThat(faultString).startsWith("ParameterNotFoundError: ");
    assertThat(run).isEqualTo(new CliRun(3, "", faultString + "\n"));
  }

  @Test
  void readsEachArgumentAsAJsonLiteral() {
    String url = master.url();
    master.client().call("stack.create", "literals");

    for (String arg : List.of("42", "2.5", "true", "null", "\"quoted word\"", "[1,\"a\"]")) {
      assertThat(CliRun.of("call", "--url", url, "stack.push", "literals", arg).exitCode())
          .isZero();
    }

    RpcClient client = master.client();
    assertThat(client.call("stack.pop", "literals")).isEqualTo(List.of(1, "a"));
    assertThat(client.call("stack.pop", "literals")).isEqualTo("quoted word");
    assertThat(client.call("stack.pop", "literals")).isNull();
    assertThat(client.call("stack.pop", "literals")).isEqualTo(true);
    assertThat(client.call("stack.pop", "literals")).isEqualTo(2.5);
    assertThat(client.call("stack.pop", "literals")).isEqualTo(42);
  }

  @Test
  void sendsAWordThatIsNotJsonAsAString() {
    CliRun run = CliRun.of("call", "--url", master.url(), "echo.echo", "hello");

    assertThat(run).isEqualTo(new CliRun(0, "\"hello\"\n", ""));
  }

  @Test
  void printsStructsAndArraysAsIndentedJson() {
    CliRun run =
        CliRun.of("call", "--url", master.url(), "echo.echo", "{\"a\": [1, 2], \"b\": {}}");

    assertThat(run)
        .isEqualTo(new CliRun(0, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}\n", ""));
    assertThat(master.client().call("echo.echo", Map.of("a", 1))).isEqualTo(Map.of("a", 1));
  }

  @Test
  void refusesAnIntegerBeyondSixtyFourBits() {
    CliRun run = CliRun.of("call", "--url", master.url(), "echo.echo", "99999999999999999999");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "argument 99999999999999999999: integer: 99999999999999999999"
                + " (expected: a 64-bit signed integer)\n");
  }

  @Test
  void reportsAnUnreachableMasterInOneLine() {
    String url = "http://127.0.0.1:1";
    String problem =
        catchThrowable(() -> RpcClient.connect(url).call("stack.getSize", "in")).getMessage();

    CliRun run = CliRun.of("call", "--url", url, "stack.getSize", "in");

    assertThat(run).isEqualTo(new CliRun(1, "", "call: " + problem + "\n"));
  }

  /** Answers with what it is given. */
  public static final class Echo {
    /** Returns {@code value}. */
    public Object echo(Object value) {
      return value;
    }
  }
}
