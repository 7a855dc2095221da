package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.Master;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Publishing and subscribing through the client against a real master. */
class EventsTest {
  @RegisterExtension static final LocalMaster master = new LocalMaster();

  @Test
  void listenersReceiveTheEventsTheirPatternsMatchInOrder() throws Exception {
    BlockingQueue<Event> pages = new LinkedBlockingQueue<>();
    BlockingQueue<Event> all = new LinkedBlockingQueue<>();
    try (RpcClient client =
            RpcClient.builder().url(master.url()).protocol(Protocol.WEBSOCKET).build();
        Subscription crawler = client.events().subscribe("crawler.*", pages::add);
        Subscription everything = client.events().subscribe("*", all::add)) {

      assertThat(client.events().publish("crawler.page", List.of(1))).isEqualTo(1);
      client.events().publish("indexer.done", 2);
      client.events().publish("crawler.page.saved", 3);

      Event page = take(pages);
      assertThat(page.subject()).isEqualTo("crawler.page");
      assertThat(page.data()).isEqualTo(List.of(1));
      assertThat(page.publishedAt()).isNotNull();
      assertThat(take(all)).isEqualTo(page);
      assertThat(take(all).data()).isEqualTo(2);
      assertThat(take(pages).subject()).isEqualTo("crawler.page.saved");
      assertThat(take(all).subject()).isEqualTo("crawler.page.saved");
      assertThat(pages).isEmpty();
      assertThat(crawler.pattern()).isEqualTo("crawler.*");
      assertThat(everything.pattern()).isEqualTo("*");
    }
  }

  @Test
  void closedSubscriptionGetsNothingMore() throws Exception {
    BlockingQueue<Event> first = new LinkedBlockingQueue<>();
    BlockingQueue<Event> second = new LinkedBlockingQueue<>();
    try (RpcClient client = RpcClient.connect(master.url())) {
      Subscription closing = client.events().subscribe("jobs.*", first::add);
      Subscription staying = client.events().subscribe("jobs.*", second::add);

      closing.close();
      closing.close();
      client.events().publish("jobs.one", 1);

      assertThat(take(second).data()).isEqualTo(1);
      assertThat(first).isEmpty();
      staying.close();
      assertThat(client.events().publish("jobs.two", 2)).isZero();
    }
  }

  @Test
  void subscriptionsAreRenewedWhenTheMasterRestarts() throws Exception {
    Master first = Master.builder().port(0).build().start();
    int port = first.port();
    BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    try (RpcClient subscriber = RpcClient.connect("ws://127.0.0.1:" + port + "/ws")) {
      subscriber.events().subscribe("news.*", received::add);
      first.close();

      try (Master second = Master.builder().port(port).build().start();
          RpcClient publisher = RpcClient.connect(second.url())) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (publisher.events().publish("news.probe", "p") == 0) {
          assertThat(System.nanoTime()).isLessThan(deadline);
          TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(take(received).subject()).isEqualTo("news.probe");
      }
    } finally {
      first.close();
    }
  }

  @Test
  void providerClientFindsMatchingEventsAmongItsMessages() {
    try (RpcClient client = RpcClient.connect(master.url())) {
      Provider monitor = client.provider().login("events-monitor");

      assertThat(client.events().subscribeClient("events-monitor", "crawler.*")).isTrue();
      client.events().publish("crawler.page", Map.of("n", 1));
      client.events().publish("indexer.page", Map.of("n", 2));

      List<Message> messages = monitor.visit("watching");
      assertThat(messages).hasSize(1);
      assertThat(messages.get(0).from()).isEqualTo("events");
      assertThat(messages.get(0).message())
          .isEqualTo(Map.of("subject", "crawler.page", "data", Map.of("n", 1)));
      assertThat(client.events().unsubscribeClient("events-monitor", "crawler.*")).isTrue();
      assertThatThrownBy(() -> client.events().subscribeClient("nobody", "crawler.*"))
          .isExactlyInstanceOf(ClientNotFoundError.class);
    }
  }

  private static Event take(BlockingQueue<Event> events) throws InterruptedException {
    Event event = events.poll(30, TimeUnit.SECONDS);
    assertThat(event).as("an event within 30 s").isNotNull();
    return event;
  }
}
