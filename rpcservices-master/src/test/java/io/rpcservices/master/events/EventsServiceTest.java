package io.rpcservices.master.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.JsonRpcWire;
import io.rpcservices.master.Master;
import io.rpcservices.master.WireClient;
import io.rpcservices.master.WsPeer;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.JsonRpcParams;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.Success;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events on a real master: WebSocket subscribers and provider mailboxes, with wildcards. */
class EventsServiceTest {
  private final Master master = Master.builder().port(0).build().start();
  private final WireClient xml = new WireClient(master);
  private final JsonRpcWire json = new JsonRpcWire(master);

  @AfterEach
  void closeMaster() {
    master.close();
  }

  @Test
  void deliversMatchingEventsToWebSocketSubscribers() {
    try (WsPeer monitor = WsPeer.connect(master);
        WsPeer everything = WsPeer.connect(master)) {
      assertThat(monitor.call("events.subscribe", "crawler.*")).isEqualTo(new Success(true));
      assertThat(everything.call("events.subscribe", "*")).isEqualTo(new Success(true));

      assertThat(xml.value("events.publish", "crawler.page", Map.of("url", "http://a/")))
          .isEqualTo(2);
      assertThat(json.value("events.publish", "other.news", "x")).isEqualTo(1);
      assertThat(json.value("events.publish", "crawler.page.saved", 7)).isEqualTo(2);

      assertEvent(monitor.next(), "crawler.page", Map.of("url", "http://a/"));
      assertEvent(monitor.next(), "crawler.page.saved", 7);
      assertEvent(everything.next(), "crawler.page", Map.of("url", "http://a/"));
      assertEvent(everything.next(), "other.news", "x");
      assertEvent(everything.next(), "crawler.page.saved", 7);
    }
  }

  @Test
  void deliversOnceToSubscriberWithSeveralMatchingPatterns() {
    try (WsPeer monitor = WsPeer.connect(master)) {
      monitor.call("events.subscribe", "crawler.*");
      monitor.call("events.subscribe", "*.page");

      assertThat(json.value("events.publish", "crawler.page", 1)).isEqualTo(1);
    }
  }

  @Test
  void stopsDeliveringAfterUnsubscribeAndClose() {
    WsPeer monitor = WsPeer.connect(master);
    monitor.call("events.subscribe", "crawler.*");

    assertThat(monitor.call("events.unsubscribe", "crawler.*")).isEqualTo(new Success(true));
    assertThat(monitor.call("events.unsubscribe", "crawler.*")).isEqualTo(new Success(false));
    assertThat(json.value("events.publish", "crawler.page", 1)).isEqualTo(0);

    monitor.call("events.subscribe", "crawler.*");
    monitor.close();
    WsPeer.await(monitor.closed());
    awaitDeliveries("crawler.page", 0);
  }

  @Test
  void refusesSubscriptionsOverHttp() {
    assertThat(json.fault("events.subscribe", "crawler.*"))
        .isEqualTo(
            Fault.of(
                FaultCode.INVALID_REQUEST,
                "events.subscribe needs a WebSocket session: subscribers connect to /ws"));
  }

  @Test
  void deliversMatchingEventsToProviderMailboxes() {
    xml.value("provider.login", "monitor");
    assertThat(json.value("events.subscribeClient", "monitor", "crawler.*")).isEqualTo(true);

    assertThat(json.value("events.publish", "crawler.page", Map.of("url", "http://a/")))
        .isEqualTo(1);
    assertThat(json.value("events.publish", "other.news", 1)).isEqualTo(0);

    List<?> messages = (List<?>) xml.value("provider.visit", "monitor", "idle");
    assertThat(messages).hasSize(1);
    Map<?, ?> message = (Map<?, ?>) messages.get(0);
    assertThat(message.get("from")).isEqualTo("events");
    assertThat(message.get("message"))
        .isEqualTo(Map.of("subject", "crawler.page", "data", Map.of("url", "http://a/")));
    assertThat(message.get("sentAt")).isNotNull();
  }

  @Test
  void wakesAWaitingVisit() {
    json.value("provider.login", "monitor");
    json.value("events.subscribeClient", "monitor", "crawler.*");
    try (WsPeer visitor = WsPeer.connect(master)) {
      CompletableFuture<RpcResponse> visit =
          visitor.request("provider.visit", "monitor", "idle", 30);

      assertThat(json.value("events.publish", "crawler.page", 5)).isEqualTo(1);

      RpcResponse messages = WsPeer.await(visit);
      assertThat(((Map<?, ?>) ((List<?>) ((Success) messages).value()).get(0)).get("message"))
          .isEqualTo(Map.of("subject", "crawler.page", "data", 5));
    }
  }

  @Test
  void endsClientSubscriptionsAtLogoutAndRefusesUnknownClients() {
    json.value("provider.login", "monitor");
    json.value("events.subscribeClient", "monitor", "crawler.*");
    json.value("provider.logout", "monitor");

    assertThat(json.value("events.publish", "crawler.page", 1)).isEqualTo(0);
    assertThat(json.value("events.unsubscribeClient", "monitor", "crawler.*")).isEqualTo(false);
    assertThat(json.fault("events.subscribeClient", "nobody", "*"))
        .isEqualTo(Fault.of(FaultCode.CLIENT_NOT_FOUND_ERROR, "client 'nobody' is not logged in"));
  }

  @Test
  void unsubscribesClients() {
    json.value("provider.login", "monitor");
    json.value("events.subscribeClient", "monitor", "crawler.*");

    assertThat(json.value("events.unsubscribeClient", "monitor", "crawler.*")).isEqualTo(true);
    assertThat(json.value("events.publish", "crawler.page", 1)).isEqualTo(0);
  }

  private static void assertEvent(JsonRpcMessage message, String subject, Object data) {
    JsonRpcMessage.Notification notification = (JsonRpcMessage.Notification) message;
    assertThat(notification.method()).isEqualTo("events.event");
    Map<?, ?> event =
        (Map<?, ?>) ((JsonRpcParams.Positional) notification.params()).values().get(0);
    assertThat(event.get("subject")).isEqualTo(subject);
    assertThat(event.get("data")).isEqualTo(data);
    assertThat((String) event.get("publishedAt")).matches("\\d{8}T\\d\\d:\\d\\d:\\d\\d");
  }

  /** Publishes until {@code subject} reaches {@code count} subscribers (a closing session). */
  private void awaitDeliveries(String subject, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Integer.valueOf(count).equals(json.value("events.publish", subject, 0))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(subject + " does not reach " + count + " subscribers in 10 s");
      }
    }
  }
}
