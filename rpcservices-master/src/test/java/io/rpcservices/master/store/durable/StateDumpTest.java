package io.rpcservices.master.store.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.Reservation;
import io.rpcservices.master.store.StoredValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump holds the whole state, typed, and restores it exactly into a new data directory. */
class StateDumpTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path temp;

  @Test
  void writesTypedValuesAndEveryKindOfState() throws IOException {
    try (DurableStateStore store = DurableStateStore.open(temp.resolve("a"))) {
      store.stacks().create("jobs");
      store.stacks().pushAll("jobs", Arrays.asList(1, 2L, null));
      store.stacks().hold("jobs", new Reservation("t1", "held", NOW));
      store.parameters().create("config");
      store.parameters().set("config", "when", LocalDateTime.of(2026, 11, 23, 10, 0));
      store.clients().login("c", "10.0.0.1", Map.of(), NOW);
      store.clients().send("c", new ClientMessage(null, new byte[] {1}, NOW));

      assertThat(dump(store))
          .isEqualTo(
              """
              {
                "format" : "rpcservices-state",
                "version" : 1,
                "stacks" : [ {
                  "name" : "jobs",
                  "items" : {
                    "array" : [ {
                      "int" : 1
                    }, {
                      "i8" : 2
                    }, {
                      "nil" : null
                    } ]
                  },
                  "reservations" : [ {
                    "ticket" : "t1",
                    "deadline" : "2026-11-23T10:00:00Z",
                    "data" : {
                      "string" : "held"
                    }
                  } ]
                } ],
                "storages" : [ {
                  "name" : "config",
                  "parameters" : {
                    "struct" : {
                      "when" : {
                        "dateTime" : "2026-11-23T10:00"
                      }
                    }
                  }
                } ],
                "clients" : [ {
                  "name" : "c",
                  "address" : "10.0.0.1",
                  "info" : {
                    "struct" : { }
                  },
                  "loginTime" : "2026-11-23T10:00:00Z",
                  "lastVisit" : "2026-11-23T10:00:00Z",
                  "status" : "login",
                  "visits" : 0,
                  "messages" : [ {
                    "from" : null,
                    "message" : {
                      "base64" : "AQ=="
                    },
                    "sentAt" : "2026-11-23T10:00:00Z"
                  } ]
                } ]
              }
              """);
    }
  }

  @Test
  void restoreGivesBackTheSameState() throws IOException {
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("z", List.of(Double.NaN, -0.0, 1.5));
    struct.put("a", Map.of("nested", true));
    String dump;
    try (DurableStateStore store = DurableStateStore.open(temp.resolve("a"))) {
      store.stacks().create("jobs");
      store.stacks().pushAll("jobs", List.of("x", struct, "unpaired \uD800"));
      store.stacks().reserve("jobs", "t1", NOW.plusSeconds(30));
      store.stacks().create("empty");
      store.parameters().create("config");
      store.parameters().set("config", "z", 1);
      store.parameters().set("config", "a", Long.MAX_VALUE);
      store.clients().login("crawler", "10.0.0.1", Map.of("role", "crawler"), NOW);
      store.clients().visit("crawler", "busy", NOW.plusSeconds(1));
      store.clients().send("crawler", new ClientMessage("boss", "go", NOW.plusSeconds(2)));
      dump = dump(store);
    }

    try (DurableStateStore restored = DurableStateStore.open(temp.resolve("b"))) {
      StateDump.read(new StringReader(dump), restored);
      assertThat(dump(restored)).isEqualTo(dump);
    }
    try (DurableStateStore reopened = DurableStateStore.open(temp.resolve("b"))) {
      assertThat(reopened.stacks().names()).containsExactly("empty", "jobs");
      assertThat(reopened.stacks().reservations("jobs"))
          .containsExactly(new Reservation("t1", "unpaired \uD800", NOW.plusSeconds(30)));
      assertThat(reopened.stacks().pop("jobs")).isEqualTo(new StoredValue(struct));
      assertThat(reopened.parameters().getAll("config"))
          .containsExactly(Map.entry("z", 1), Map.entry("a", Long.MAX_VALUE));
      assertThat(reopened.clients().get("crawler").visits()).isEqualTo(1);
      assertThat(reopened.clients().visit("crawler", "idle", NOW.plusSeconds(3)))
          .containsExactly(new ClientMessage("boss", "go", NOW.plusSeconds(2)));
      assertThat(dump(reopened)).isNotEmpty();
    }
  }

  @Test
  void restoreRefusesADirectoryThatHasState() throws IOException {
    try (DurableStateStore store = DurableStateStore.open(temp.resolve("a"))) {
      store.parameters().create("config");
      String dump = dump(store);

      assertThatThrownBy(() -> StateDump.read(new StringReader(dump), store))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "data directory " + temp.resolve("a") + " is not empty: restore into a new one");
    }
  }

  @Test
  void restoreRefusesWhatIsNoDump() throws IOException {
    try (DurableStateStore store = DurableStateStore.open(temp.resolve("a"))) {
      assertThatThrownBy(() -> read("{\"format\": \"other\"}", store))
          .isInstanceOf(DumpFormatException.class)
          .hasMessage("format 'other' (expected: rpcservices-state)");
      assertThatThrownBy(() -> read("{\"version\": 2}", store))
          .isInstanceOf(DumpFormatException.class)
          .hasMessage("dump version 2 (expected: 1): use the matching rpcservices");
      assertThatThrownBy(() -> read("[]", store))
          .isInstanceOf(DumpFormatException.class)
          .hasMessage("expected a dump object at line 1, found START_ARRAY");
      assertThatThrownBy(
              () -> read("{\"stacks\": [{\"name\": \"s\", \"items\": {\"float\": 1}}]}", store))
          .isInstanceOf(DumpFormatException.class)
          .hasMessage("unknown value type 'float'");
    }
  }

  private static void read(String json, DurableStateStore store) throws IOException {
    StateDump.read(new StringReader(json), store);
  }

  private static String dump(DurableStateStore store) throws IOException {
    StringWriter out = new StringWriter();
    StateDump.write(store, out);
    return out.toString();
  }
}
