package io.rpcservices.master.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store contract as the in-memory store keeps it, beyond what the service tests show. */
class InMemoryStateStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final InMemoryStateStore store = new InMemoryStateStore();

  @Test
  void describesItselfAsMemory() {
    assertThat(store.description()).isEqualTo("memory");
  }

  @Test
  void createAnswersWhetherItCreated() {
    assertThat(store.stacks().create("s")).isTrue();
    assertThat(store.stacks().create("s")).isFalse();
    assertThat(store.parameters().create("p")).isTrue();
    assertThat(store.parameters().create("p")).isFalse();
  }

  @Test
  void operationsOnMissingNamesThrowNameNotFound() {
    assertThatThrownBy(() -> store.stacks().push("s", 1))
        .isInstanceOf(NameNotFoundException.class)
        .hasMessage("no entry named 's'")
        .extracting(e -> ((NameNotFoundException) e).name())
        .isEqualTo("s");
    assertThatThrownBy(() -> store.parameters().get("p", "x"))
        .isInstanceOf(NameNotFoundException.class);
    assertThatThrownBy(() -> store.clients().visit("c", "idle", NOW))
        .isInstanceOf(NameNotFoundException.class);
    assertThat(store.stacks().remove("s")).isFalse();
    assertThat(store.parameters().remove("p")).isFalse();
    assertThat(store.clients().logout("c")).isFalse();
  }

  @Test
  void popAndPeekAnswerNullWhenEmptyAndAStoredValueForNil() {
    store.stacks().create("s");
    assertThat(store.stacks().pop("s")).isNull();
    assertThat(store.stacks().peek("s")).isNull();
    store.stacks().push("s", null);
    assertThat(store.stacks().peek("s")).isEqualTo(new StoredValue(null));
    assertThat(store.stacks().pop("s")).isEqualTo(new StoredValue(null));
  }

  @Test
  void reservationsKeepTheirTicketValueAndDeadline() {
    StackStore stacks = store.stacks();
    stacks.create("s");
    stacks.pushAll("s", List.of("a", "b"));
    Reservation reserved = stacks.reserve("s", "t1", NOW);
    assertThat(reserved).isEqualTo(new Reservation("t1", "b", NOW));
    stacks.hold("s", new Reservation("t2", "c", NOW.plusSeconds(5)));
    assertThat(stacks.reservations("s"))
        .containsExactly(reserved, new Reservation("t2", "c", NOW.plusSeconds(5)));
    assertThat(stacks.size("s")).isEqualTo(1);
    assertThat(stacks.release("s", "t2")).isTrue();
    assertThat(stacks.pop("s")).isEqualTo(new StoredValue("c"));
    assertThat(stacks.ack("s", "t1")).isTrue();
    assertThat(stacks.reservations("s")).isEmpty();
    stacks.truncate("s");
    assertThat(stacks.reserve("s", "t3", NOW)).isNull();
  }

  @Test
  void getTellsNilFromUnset() {
    ParameterStore parameters = store.parameters();
    parameters.create("p");
    parameters.set("p", "nil", null);
    assertThat(parameters.get("p", "nil")).isEqualTo(new StoredValue(null));
    assertThat(parameters.get("p", "unset")).isNull();
  }

  @Test
  void getAllIsACopy() {
    ParameterStore parameters = store.parameters();
    parameters.create("p");
    parameters.set("p", "a", 1);
    parameters.getAll("p").put("b", 2);
    assertThat(parameters.getAll("p")).isEqualTo(Map.of("a", 1));
  }

  @Test
  void clientsVisitTouchAndReceiveMessages() {
    ClientStore clients = store.clients();
    assertThat(clients.send("c", new ClientMessage(null, "lost", NOW))).isFalse();
    assertThat(clients.touch("c", NOW)).isFalse();
    clients.login("c", "10.0.0.1", Map.of("role", "r"), NOW);
    assertThat(clients.send("c", new ClientMessage("x", "m", NOW))).isTrue();
    assertThat(clients.get("c"))
        .isEqualTo(new ClientRecord("c", "10.0.0.1", Map.of("role", "r"), NOW, NOW, "login", 0, 1));
    assertThat(clients.visit("c", "busy", NOW.plusSeconds(1)))
        .containsExactly(new ClientMessage("x", "m", NOW));
    assertThat(clients.touch("c", NOW.plusSeconds(2))).isTrue();
    assertThat(clients.all())
        .containsExactly(
            new ClientRecord(
                "c", "10.0.0.1", Map.of("role", "r"), NOW, NOW.plusSeconds(2), "busy", 1, 0));
  }

  @Test
  void logoutIfIdleLogsOutOnlyClientsIdleSinceBeforeTheCutoff() {
    ClientStore clients = store.clients();
    clients.login("old", "a", Map.of(), NOW);
    clients.login("new", "a", Map.of(), NOW.plusSeconds(10));
    assertThat(clients.logoutIfIdle("old", NOW.plusSeconds(5))).isTrue();
    assertThat(clients.logoutIfIdle("new", NOW.plusSeconds(5))).isFalse();
    assertThat(clients.logoutIfIdle("gone", NOW.plusSeconds(5))).isFalse();
    assertThat(clients.names()).containsExactly("new");
  }
}
