package io.rpcservices.client;

/**
 * Receives the events of a subscription. Calls come one at a time, in the order the master sent the
 * events, on a thread of the client; a listener that blocks holds up the client's later events.
 */
@FunctionalInterface
public interface EventListener {

  /** Handles one event; an exception it throws is logged and the next event still comes. */
  void onEvent(Event event);
}
