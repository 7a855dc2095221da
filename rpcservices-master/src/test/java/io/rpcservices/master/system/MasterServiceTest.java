package io.rpcservices.master.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.Master;
import io.rpcservices.master.TestService;
import io.rpcservices.master.WireClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MasterServiceTest {
  private final Master master =
      Master.builder().port(0).service("test", new TestService()).build().start();
  private final WireClient client = new WireClient(master);

  @AfterEach
  void closeMaster() {
    master.close();
  }

  @Test
  void answersPing() {
    assertThat(client.value("master.ping")).isEqualTo("pong");
  }

  @Test
  void answersInfo() {
    @SuppressWarnings("unchecked")
    Map<String, Object> info = (Map<String, Object>) client.value("master.info");
    assertThat(info.keySet()).containsExactly("version", "uptime", "store", "services", "methods");
    assertThat(info.get("version")).isEqualTo("dev");
    assertThat((Double) info.get("uptime")).isNotNegative();
    assertThat(info.get("store")).isEqualTo("memory");
    assertThat(info.get("services"))
        .isEqualTo(
            List.of(
                "test",
                "stack",
                "storage",
                "provider",
                "worker",
                "mgt",
                "events",
                "system",
                "master"));
    assertThat(info.get("methods"))
        .isEqualTo(((List<?>) client.value("system.listMethods")).size());
  }
}
