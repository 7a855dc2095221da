package io.rpcservices.master.service.provider;

import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.ClientRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Client records and messages as the structs the provider answers with; times in UTC. */
final class WireRecords {
  private WireRecords() {}

  /**
   * The record struct. {@code host} and {@code pid} come from the login info, {@code host}
   * defaulting to the address and {@code pid} to 0 when the client did not give them.
   */
  static Map<String, @Nullable Object> client(ClientRecord record) {
    Object host = record.info().get("host");
    Object pid = record.info().get("pid");
    Map<String, @Nullable Object> struct = new LinkedHashMap<>();
    struct.put("name", record.name());
    struct.put("host", host != null ? host : record.address());
    struct.put("pid", pid != null ? pid : 0);
    struct.put("address", record.address());
    struct.put("loginTime", utc(record.loginTime()));
    struct.put("lastVisit", utc(record.lastVisit()));
    struct.put("status", record.status());
    struct.put("visits", record.visits());
    struct.put("pendingMessages", record.pendingMessages());
    struct.put("info", record.info());
    return struct;
  }

  /** The messages as an array of {@code {from, message, sentAt}} structs. */
  static List<Object> messages(List<ClientMessage> messages) {
    List<Object> array = new ArrayList<>(messages.size());
    for (ClientMessage message : messages) {
      Map<String, @Nullable Object> struct = new LinkedHashMap<>();
      struct.put("from", message.from());
      struct.put("message", message.message());
      struct.put("sentAt", utc(message.sentAt()));
      array.add(struct);
    }
    return array;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
