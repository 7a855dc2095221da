package io.rpcservices.master.store.durable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.ClientRecord;
import io.rpcservices.master.store.Reservation;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A master's whole state as JSON, to move it between data directories, machines or versions: every
 * stack with its items (bottom first) and reservations (ticket, absolute deadline, item), every
 * storage with its parameters in order, every provider client with its record and pending messages.
 * Values are typed so that they read back exactly (see {@link DumpValues}).
 *
 * <pre>{@code
 * try (DurableStateStore store = DurableStateStore.open(Path.of("rpcservices-data"));
 *     Writer out = Files.newBufferedWriter(Path.of("state.json"))) {
 *   StateDump.write(store, out);
 * }
 * }</pre>
 */
public final class StateDump {
  private static final String FORMAT = "rpcservices-state";
  private static final int VERSION = 1;
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build())
          .build();

  private StateDump() {}

  /** Writes the state of {@code store} to {@code out} (left open). */
  public static void write(DurableStateStore store, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeNumberField("version", VERSION);
      json.writeArrayFieldStart("stacks");
      for (DurableStackStore.StackState stack : store.durableStacks().snapshot()) {
        writeStack(json, stack);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("storages");
      for (Map.Entry<String, Map<String, @Nullable Object>> storage :
          store.durableParameters().snapshot().entrySet()) {
        json.writeStartObject();
        json.writeStringField("name", storage.getKey());
        json.writeFieldName("parameters");
        DumpValues.write(json, storage.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("clients");
      for (DurableClientStore.ClientState client : store.durableClients().snapshot()) {
        writeClient(json, client);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  /**
   * Reads a dump from {@code in} into {@code store}, which must be empty. The whole dump is read
   * before anything is written, so a dump that does not read leaves the store empty.
   *
   * @throws DumpFormatException if {@code in} is not a dump this version reads
   * @throws IllegalStateException if the store is not empty
   */
  public static void read(Reader in, DurableStateStore store) throws IOException {
    if (!store.stacks().names().isEmpty()
        || !store.parameters().names().isEmpty()
        || !store.clients().names().isEmpty()) {
      throw new IllegalStateException(
          "data directory " + store.directory() + " is not empty: restore into a new one");
    }
    List<Consumer<DurableStateStore>> writes = new ArrayList<>();
    try (JsonParser json = JSON.createParser(in)) {
      DumpValues.expect(json, json.nextToken(), JsonToken.START_OBJECT, "a dump object");
      for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
        json.nextToken();
        switch (field) {
          case "format" -> checkFormat(json.getText());
          case "version" -> checkVersion(json.getIntValue());
          case "stacks" -> forEach(json, () -> writes.add(readStack(json)));
          case "storages" -> forEach(json, () -> writes.add(readStorage(json)));
          case "clients" -> forEach(json, () -> writes.add(readClient(json)));
          default -> throw new DumpFormatException("unknown member '" + field + "'");
        }
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new DumpFormatException(e.getMessage());
    }
    writes.forEach(write -> write.accept(store));
  }

  private static void writeStack(JsonGenerator json, DurableStackStore.StackState stack)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", stack.name());
    json.writeFieldName("items");
    DumpValues.write(json, stack.items());
    json.writeArrayFieldStart("reservations");
    for (Reservation reservation : stack.reservations()) {
      json.writeStartObject();
      json.writeStringField("ticket", reservation.ticket());
      json.writeStringField("deadline", reservation.deadline().toString());
      json.writeFieldName("data");
      DumpValues.write(json, reservation.value());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeClient(JsonGenerator json, DurableClientStore.ClientState client)
      throws IOException {
    ClientRecord record = client.record();
    json.writeStartObject();
    json.writeStringField("name", record.name());
    json.writeStringField("address", record.address());
    json.writeFieldName("info");
    DumpValues.write(json, record.info());
    json.writeStringField("loginTime", record.loginTime().toString());
    json.writeStringField("lastVisit", record.lastVisit().toString());
    json.writeStringField("status", record.status());
    json.writeNumberField("visits", record.visits());
    json.writeArrayFieldStart("messages");
    for (ClientMessage message : client.messages()) {
      json.writeStartObject();
      json.writeStringField("from", message.from());
      json.writeFieldName("message");
      DumpValues.write(json, message.message());
      json.writeStringField("sentAt", message.sentAt().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static Consumer<DurableStateStore> readStack(JsonParser json) throws IOException {
    Map<String, @Nullable Object> fields = DumpObjects.read(json, "stack");
    String name = DumpObjects.text(fields, "name");
    List<?> items = DumpObjects.list(fields, "items");
    List<Reservation> held = new ArrayList<>();
    for (Map<String, @Nullable Object> reservation : DumpObjects.objects(fields, "reservations")) {
      held.add(
          new Reservation(
              DumpObjects.text(reservation, "ticket"),
              reservation.get("data"),
              Instant.parse(DumpObjects.text(reservation, "deadline"))));
    }
    return store -> {
      store.stacks().create(name);
      store.stacks().pushAll(name, items);
      held.forEach(reservation -> store.stacks().hold(name, reservation));
    };
  }

  private static Consumer<DurableStateStore> readStorage(JsonParser json) throws IOException {
    Map<String, @Nullable Object> fields = DumpObjects.read(json, "storage");
    String name = DumpObjects.text(fields, "name");
    Map<String, @Nullable Object> parameters = DumpObjects.struct(fields, "parameters");
    return store -> {
      store.parameters().create(name);
      store.parameters().setAll(name, parameters);
    };
  }

  private static Consumer<DurableStateStore> readClient(JsonParser json) throws IOException {
    Map<String, @Nullable Object> fields = DumpObjects.read(json, "client");
    List<ClientMessage> messages = new ArrayList<>();
    for (Map<String, @Nullable Object> message : DumpObjects.objects(fields, "messages")) {
      messages.add(
          new ClientMessage(
              DumpObjects.optionalText(message, "from"),
              message.get("message"),
              Instant.parse(DumpObjects.text(message, "sentAt"))));
    }
    ClientRecord record =
        new ClientRecord(
            DumpObjects.text(fields, "name"),
            DumpObjects.text(fields, "address"),
            DumpObjects.struct(fields, "info"),
            Instant.parse(DumpObjects.text(fields, "loginTime")),
            Instant.parse(DumpObjects.text(fields, "lastVisit")),
            DumpObjects.text(fields, "status"),
            DumpObjects.number(fields, "visits"),
            0);
    return store -> store.durableClients().restore(record, messages);
  }

  private static void checkFormat(String format) {
    if (!FORMAT.equals(format)) {
      throw new DumpFormatException("format '" + format + "' (expected: " + FORMAT + ")");
    }
  }

  private static void checkVersion(int version) {
    if (version != VERSION) {
      throw new DumpFormatException(
          "dump version " + version + " (expected: " + VERSION + "): use the matching rpcservices");
    }
  }

  private static void forEach(JsonParser json, Step step) throws IOException {
    DumpValues.expect(json, json.currentToken(), JsonToken.START_ARRAY, "an array");
    while (json.nextToken() != JsonToken.END_ARRAY) {
      step.run();
    }
  }

  /** Reads one element of an array. */
  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }
}
