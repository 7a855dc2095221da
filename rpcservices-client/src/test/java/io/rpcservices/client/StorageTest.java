package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Storage} stub's whole contract against a real master. */
class StorageTest {
  @RegisterExtension static final LocalMaster master = new LocalMaster();
  private static RpcClient client;

  private Storage storage;
  private String name;

  @BeforeAll
  static void connect() {
    client = RpcClient.connect(master.url());
  }

  @BeforeEach
  void createStorage(TestInfo test) {
    name = test.getTestMethod().orElseThrow().getName();
    storage = client.storage().createStorage(name);
  }

  @Test
  void createStorageIsIdempotentAndListsTheStorage() {
    storage.setParameter("kept", 1);

    Storage again = client.storage().createStorage(name);

    assertThat(again.getName()).isEqualTo(name);
    assertThat(again.getParameter("kept")).isEqualTo(1);
    assertThat(client.storage().hasStorage(name)).isTrue();
    assertThat(client.storage().getAllNames()).contains(name);
  }

  @Test
  void setAndGetParameters() {
    storage.setParameter("url", "https://example.org");

    assertThat(storage.getParameter("url")).isEqualTo("https://example.org");
    assertThat(storage.hasParameter("url")).isTrue();
    assertThat(storage.hasParameter("other")).isFalse();
  }

  @Test
  void getMissingParameterRaisesParameterNotFoundError() {
    assertThatThrownBy(() -> storage.getParameter("missing"))
        .isExactlyInstanceOf(ParameterNotFoundError.class)
        .hasMessage("ParameterNotFoundError: no parameter 'missing' in storage '" + name + "'");
  }

  @Test
  void getMissingParameterWithDefaultReturnsTheDefault() {
    assertThat(storage.getParameter("missing", "fallback")).isEqualTo("fallback");
    assertThat(storage.getParameter("missing", null)).isNull();
  }

  @Test
  void removeParameterSaysWhetherItExisted() {
    storage.setParameter("gone", true);

    assertThat(storage.removeParameter("gone")).isTrue();
    assertThat(storage.removeParameter("gone")).isFalse();
  }

  @Test
  void setParametersAndGetAllInOrder() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("b", 2);
    parameters.put("a", "one");

    storage.setParameters(parameters);

    assertThat(storage.getAllParameters())
        .containsExactly(Map.entry("b", 2), Map.entry("a", "one"));
  }

  @Test
  void setParameterIfAbsentSetsOnlyOnce() {
    assertThat(storage.setParameterIfAbsent("leader", "me")).isTrue();
    assertThat(storage.setParameterIfAbsent("leader", "you")).isFalse();
    assertThat(storage.getParameter("leader")).isEqualTo("me");
  }

  @Test
  void incrementCountsFromZero() {
    assertThat(storage.increment("hits")).isEqualTo(1L);
    assertThat(storage.increment("hits", 41)).isEqualTo(42L);
    assertThat(storage.increment("big", 5_000_000_000L)).isEqualTo(5_000_000_000L);
  }

  @Test
  void compareAndSetSwapsOnlyOnAMatch() {
    storage.setParameter("state", "idle");

    assertThat(storage.compareAndSet("state", "busy", "done")).isFalse();
    assertThat(storage.compareAndSet("state", "idle", "busy")).isTrue();
    assertThat(storage.getParameter("state")).isEqualTo("busy");
  }

  @Test
  void callsOnARemovedStorageRaiseStorageNotFoundError() {
    assertThat(storage.remove()).isTrue();

    assertThatThrownBy(() -> storage.setParameter("x", 1))
        .isExactlyInstanceOf(StorageNotFoundError.class)
        .hasMessage("StorageNotFoundError: no storage named '" + name + "'");
    assertThat(client.storage().hasStorage(name)).isFalse();
  }

  @Test
  void incrementOfATextRaisesServiceError() {
    storage.setParameter("text", "abc");

    assertThatThrownBy(() -> storage.increment("text")).isExactlyInstanceOf(ServiceError.class);
  }
}
