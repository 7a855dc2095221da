package io.rpcservices.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rpcservices.client.RpcClient;
import io.rpcservices.testing.MasterExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MonitorCommandTest {
  @RegisterExtension static final MasterExtension master = MasterExtension.builder().build();

  private static final String CLIENT_ROW =
      "  producer-1  127\\.0\\.0\\.1  pushing  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

  @Test
  void showsALoggedInClientAndAStackInOneFrame() {
    RpcClient client = master.client();
    client.call("provider.login", "producer-1", Map.of("role", "producer"));
    client.call("provider.visit", "producer-1", "pushing");
    client.call("stack.create", "jobs");
    client.call("stack.pushAll", "jobs", List.of(1, 2, 3));
    client.call("storage.create", "config");

    CliRun run = CliRun.of("monitor", "--once", "--url", master.url());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines())
        .contains("Clients (1)", "Stacks (1)", "  NAME  SIZE", "  jobs  3", "Storages (1)")
        .contains("  config")
        .anySatisfy(line -> assertThat(line).matches(CLIENT_ROW));
  }

  @Test
  void reportsAnUnreachableMasterInOneLine() {
    String url = "http://127.0.0.1:1";
    String problem =
        catchThrowable(() -> RpcClient.connect(url).call("provider.getAllClients")).getMessage();

    CliRun run = CliRun.of("monitor", "--once", "--url", url);

    assertThat(run).isEqualTo(new CliRun(1, "", "monitor: " + problem + "\n"));
  }
}
