package io.rpcservices.client;

import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message collected by {@link Provider#visit}.
 *
 * @param from the sender's name, or null if it was sent without one
 * @param message the message, any value
 * @param sentAt when the master received it, or null if the master did not say
 */
public record Message(
    @Nullable String from, @Nullable Object message, @Nullable LocalDateTime sentAt) {

  static Message of(@Nullable Object value, String method) {
    Map<String, @Nullable Object> struct = Values.toStruct(value, method);
    return new Message(
        Values.textOrNull(struct.get("from")),
        struct.get("message"),
        Values.dateTimeOrNull(struct.get("sentAt")));
  }
}
