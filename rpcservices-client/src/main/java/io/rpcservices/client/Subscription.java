package io.rpcservices.client;

/**
 * A listener subscribed to the events whose subject matches a pattern, until it is closed.
 *
 * <pre>{@code
 * try (Subscription pages = client.events().subscribe("crawler.*", event -> log(event))) {
 *   crawl();
 * }
 * }</pre>
 */
public interface Subscription extends AutoCloseable {

  /** The subject pattern, such as {@code crawler.*}. */
  String pattern();

  /** Stops the events to this listener; closing twice does nothing. */
  @Override
  void close();
}
