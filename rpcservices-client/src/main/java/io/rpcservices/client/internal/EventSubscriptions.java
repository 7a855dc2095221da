package io.rpcservices.client.internal;

import io.rpcservices.client.Event;
import io.rpcservices.client.EventListener;
import java.lang.System.Logger.Level;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The event listeners of one WebSocket transport, by subject pattern. Events are handed to the
 * listeners whose pattern matches, one at a time and in the order they arrived.
 */
final class EventSubscriptions {
  private static final System.Logger LOGGER = System.getLogger(EventSubscriptions.class.getName());
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");

  private final Executor delivery;
  // Guarded by this: the listeners of each pattern, in the order they subscribed.
  private final Map<String, List<Registration>> byPattern = new LinkedHashMap<>();

  EventSubscriptions(Executor threads) {
    this.delivery = new SerialExecutor(threads);
  }

  /** Adds {@code listener}; returns whether it is the first for {@code pattern}. */
  synchronized boolean add(Registration registration) {
    List<Registration> listeners =
        byPattern.computeIfAbsent(registration.pattern(), p -> new ArrayList<>());
    listeners.add(registration);
    return listeners.size() == 1;
  }

  /** Removes {@code registration}; returns whether it was the last for its pattern. */
  synchronized boolean remove(Registration registration) {
    List<Registration> listeners = byPattern.get(registration.pattern());
    if (listeners == null || !listeners.remove(registration)) {
      return false;
    }
    if (listeners.isEmpty()) {
      byPattern.remove(registration.pattern());
      return true;
    }
    return false;
  }

  /** The patterns that have listeners. */
  synchronized Set<String> patterns() {
    return Set.copyOf(byPattern.keySet());
  }

  /** Hands the event in the params of an {@code events.event} notification to its listeners. */
  void deliver(List<@Nullable Object> params) {
    if (params.size() != 1
        || !(params.get(0) instanceof Map<?, ?> struct)
        || !(struct.get("subject") instanceof String subject)) {
      LOGGER.log(Level.WARNING, "dropped an events.event without {subject, data}: " + params);
      return;
    }
    Event event = new Event(subject, struct.get("data"), dateTime(struct.get("publishedAt")));
    List<Registration> matching = new ArrayList<>();
    synchronized (this) {
      byPattern
          .values()
          .forEach(
              listeners ->
                  listeners.stream().filter(r -> r.matches(subject)).forEach(matching::add));
    }
    for (Registration registration : matching) {
      delivery.execute(() -> registration.handle(event));
    }
  }

  private static @Nullable LocalDateTime dateTime(@Nullable Object value) {
    if (value instanceof LocalDateTime dateTime) {
      return dateTime;
    }
    if (value instanceof String text) {
      try {
        return LocalDateTime.parse(text, DATE_TIME);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /** One listener of one pattern. */
  static final class Registration {
    private final String pattern;
    private final Pattern regex;
    private final EventListener listener;
    private volatile boolean active = true;

    Registration(String pattern, EventListener listener) {
      this.pattern = pattern;
      this.regex = wildcard(pattern);
      this.listener = listener;
    }

    String pattern() {
      return pattern;
    }

    boolean matches(String subject) {
      return regex.matcher(subject).matches();
    }

    /** Stops deliveries, including those already queued. */
    void deactivate() {
      active = false;
    }

    private void handle(Event event) {
      if (!active) {
        return;
      }
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOGGER.log(Level.WARNING, "event listener of " + pattern + " failed", e);
      }
    }

    /** {@code *} matches any run of characters, everything else itself. */
    private static Pattern wildcard(String pattern) {
      StringBuilder regex = new StringBuilder();
      int start = 0;
      for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
        regex.append(Pattern.quote(pattern.substring(start, star))).append(".*");
        start = star + 1;
      }
      regex.append(Pattern.quote(pattern.substring(start)));
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
  }
}
