package io.rpcservices.master.events;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.Peer;
import io.rpcservices.master.service.provider.ProviderService;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.Help;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@code events} service (netsvc publish/subscribe): {@code publish} delivers an event to every
 * WebSocket peer with a matching subscription, as the notification {@code events.event({subject,
 * data, publishedAt})}, and to every provider client with one, as the message {@code {subject,
 * data}} from {@code events} in its mailbox ({@code docs/REMOTE-SERVICES.md}, "Events"). A peer's
 * subscriptions end with its session; a client's when an event finds it logged out.
 *
 * <pre>{@code
 * builder.service("events", new EventsService(provider));
 * }</pre>
 */
public final class EventsService {
  /** The sender that mailbox deliveries carry. */
  static final String SENDER = "events";

  private final ProviderService provider;
  private final Clock clock;
  private final Map<String, PeerSubscriptions> peers = new ConcurrentHashMap<>();
  private final Map<String, Set<SubjectPattern>> clients = new ConcurrentHashMap<>();

  /** An events service that delivers to the mailboxes of {@code provider}. */
  public EventsService(ProviderService provider) {
    this(provider, Clock.systemUTC());
  }

  EventsService(ProviderService provider, Clock clock) {
    this.provider = provider;
    this.clock = clock;
  }

  /** The subscriptions of one WebSocket peer. */
  private record PeerSubscriptions(Peer peer, Set<SubjectPattern> patterns) {}

  /** Publishes {@code data} under {@code subject}; returns how many subscribers it reached. */
  @Help(
      "Publishes data (any value) under subject to every subscriber whose pattern matches; returns"
          + " the number of deliveries (WebSocket peers and provider mailboxes).")
  public int publish(String subject, @Nullable Object data) {
    SubjectPattern.requireSubject("subject", subject);
    int deliveries = 0;
    Map<String, @Nullable Object> event = new LinkedHashMap<>();
    event.put("subject", subject);
    event.put("data", data);
    event.put("publishedAt", LocalDateTime.now(clock));
    for (PeerSubscriptions subscriptions : peers.values()) {
      if (matches(subscriptions.patterns(), subject)) {
        subscriptions.peer().notify("events.event", List.of(event));
        deliveries++;
      }
    }
    Map<String, @Nullable Object> message = new LinkedHashMap<>();
    message.put("subject", subject);
    message.put("data", data);
    for (Map.Entry<String, Set<SubjectPattern>> client : clients.entrySet()) {
      if (matches(client.getValue(), subject) && deliver(client.getKey(), message)) {
        deliveries++;
      }
    }
    return deliveries;
  }

  /** Subscribes the caller's WebSocket session to the subjects {@code pattern} matches. */
  @Help(
      "Subscribes this WebSocket session to the subjects that pattern matches ('*' matches any run"
          + " of characters); events arrive as events.event({subject, data, publishedAt}"
          + " notifications. Returns true.")
  public boolean subscribe(CallContext call, String pattern) {
    SubjectPattern subjects = SubjectPattern.of(pattern);
    Peer peer = requirePeer(call, "events.subscribe");
    PeerSubscriptions fresh = new PeerSubscriptions(peer, ConcurrentHashMap.newKeySet());
    PeerSubscriptions earlier = peers.putIfAbsent(peer.id(), fresh);
    PeerSubscriptions subscriptions = earlier == null ? fresh : earlier;
    subscriptions.patterns().add(subjects);
    if (earlier == null) {
      peer.closed().thenRun(() -> peers.remove(peer.id()));
    }
    return true;
  }

  /** Ends a subscription of the caller's WebSocket session; returns whether it had it. */
  @Help("Ends this WebSocket session's subscription to pattern; returns whether it had one.")
  public boolean unsubscribe(CallContext call, String pattern) {
    Peer peer = requirePeer(call, "events.unsubscribe");
    PeerSubscriptions subscriptions = peers.get(peer.id());
    return subscriptions != null && subscriptions.patterns().remove(SubjectPattern.of(pattern));
  }

  /**
   * Subscribes the provider client {@code name}'s mailbox to the subjects {@code pattern} matches.
   */
  @Help(
      "Subscribes the provider client name to the subjects that pattern matches: each event"
          + " arrives in provider.visit as {from: 'events', message: {subject, data}, sentAt}."
          + " Returns true; fault 300 when the client is not logged in.")
  public boolean subscribeClient(String name, String pattern) {
    SubjectPattern subjects = SubjectPattern.of(pattern);
    if (!provider.hasClient(name)) {
      throw new FaultException(
          FaultCode.CLIENT_NOT_FOUND_ERROR, "client '" + name + "' is not logged in");
    }
    clients.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(subjects);
    return true;
  }

  /** Ends a subscription of the provider client {@code name}; returns whether it had it. */
  @Help("Ends the provider client's subscription to pattern; returns whether it had one.")
  public boolean unsubscribeClient(String name, String pattern) {
    Set<SubjectPattern> patterns = clients.get(name);
    return patterns != null && patterns.remove(SubjectPattern.of(pattern));
  }

  /** Puts the event in the client's mailbox; a client that has logged out loses its patterns. */
  private boolean deliver(String name, Map<String, @Nullable Object> message) {
    try {
      return provider.sendMessage(name, message, SENDER);
    } catch (FaultException e) {
      if (e.code() != FaultCode.CLIENT_NOT_FOUND_ERROR.code()) {
        throw e;
      }
      clients.remove(name);
      return false;
    }
  }

  private static boolean matches(Set<SubjectPattern> patterns, String subject) {
    for (SubjectPattern pattern : patterns) {
      if (pattern.matches(subject)) {
        return true;
      }
    }
    return false;
  }

  private static Peer requirePeer(CallContext call, String method) {
    Peer peer = call.peer();
    if (peer == null) {
      throw new FaultException(
          FaultCode.INVALID_REQUEST,
          method + " needs a WebSocket session: subscribers connect to /ws");
    }
    return peer;
  }
}
