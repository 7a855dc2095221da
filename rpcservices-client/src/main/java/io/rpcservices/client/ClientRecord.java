package io.rpcservices.client;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the provider service knows about a logged-in client. Members the master did not send are
 * null, or 0 for the counts.
 *
 * @param name the client's name
 * @param host the host it logged in from
 * @param pid its process id, as it reported it
 * @param address the network address it called from
 * @param loginTime when it logged in
 * @param lastVisit when it last visited
 * @param status the status it reported on its last visit
 * @param visits how many times it visited
 * @param pendingMessages how many messages wait for its next visit
 * @param info the struct it logged in with
 */
public record ClientRecord(
    String name,
    @Nullable String host,
    @Nullable Long pid,
    @Nullable String address,
    @Nullable LocalDateTime loginTime,
    @Nullable LocalDateTime lastVisit,
    @Nullable String status,
    long visits,
    long pendingMessages,
    Map<String, @Nullable Object> info) {

  /** Keeps an unmodifiable copy of {@code info}. */
  public ClientRecord {
    info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
  }

  static ClientRecord of(@Nullable Object value, String method) {
    Map<String, @Nullable Object> struct = Values.toStruct(value, method);
    Object info = struct.get("info");
    return new ClientRecord(
        Values.toText(struct.get("name"), method),
        Values.textOrNull(struct.get("host")),
        Values.longOrNull(struct.get("pid")),
        Values.textOrNull(struct.get("address")),
        Values.dateTimeOrNull(struct.get("loginTime")),
        Values.dateTimeOrNull(struct.get("lastVisit")),
        Values.textOrNull(struct.get("status")),
        Values.longOr(struct.get("visits"), 0),
        Values.longOr(struct.get("pendingMessages"), 0),
        info instanceof Map ? Values.toStruct(info, method) : Map.of());
  }
}
