package io.rpcservices.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.client.ClientNotFoundError;
import io.rpcservices.client.Event;
import io.rpcservices.client.Message;
import io.rpcservices.client.Provider;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.Subscription;
import io.rpcservices.testing.MasterExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Publish and subscribe with wildcards: WebSocket subscribers and provider mailboxes. */
class EventsTest {
  @RegisterExtension final MasterExtension master = MasterExtension.builder().build();

  @Test
  void webSocketSubscriberReceivesTheEventsItsPatternMatches() throws Exception {
    BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    RpcClient publisher = master.client();
    try (RpcClient monitor = RpcClient.connect(master.url().replace("http:", "ws:") + "/ws");
        Subscription crawler = monitor.events().subscribe("crawler.*", received::add)) {

      assertThat(publisher.events().publish("crawler.page", Map.of("url", "https://a.example/")))
          .isEqualTo(1);
      assertThat(publisher.events().publish("indexer.page", 1)).isZero();
      assertThat(publisher.events().publish("crawler.page.saved", 2)).isEqualTo(1);

      Event page = received.poll(30, TimeUnit.SECONDS);
      assertThat(page).isNotNull();
      assertThat(page.subject()).isEqualTo("crawler.page");
      assertThat(page.data()).isEqualTo(Map.of("url", "https://a.example/"));
      assertThat(page.publishedAt()).isNotNull();
      Event saved = received.poll(30, TimeUnit.SECONDS);
      assertThat(saved).isNotNull();
      assertThat(saved.subject()).isEqualTo("crawler.page.saved");
      assertThat(saved.data()).isEqualTo(2);
      // Events arrive in order, so indexer.page would have come before crawler.page.saved.
      assertThat(received).isEmpty();
      assertThat(crawler.pattern()).isEqualTo("crawler.*");
    }
  }

  @Test
  void httpClientSubscribesOverAWebSocketOfItsOwn() throws Exception {
    BlockingQueue<Event> everything = new LinkedBlockingQueue<>();
    BlockingQueue<Event> news = new LinkedBlockingQueue<>();
    try (RpcClient client = RpcClient.connect(master.url())) {
      Subscription all = client.events().subscribe("*", everything::add);
      Subscription newsOnly = client.events().subscribe("news.*", news::add);

      client.events().publish("news.today", "a");
      assertThat(news.poll(30, TimeUnit.SECONDS)).extracting(Event::data).isEqualTo("a");
      assertThat(everything.poll(30, TimeUnit.SECONDS)).extracting(Event::data).isEqualTo("a");

      newsOnly.close();
      client.events().publish("news.tomorrow", "b");
      assertThat(everything.poll(30, TimeUnit.SECONDS)).extracting(Event::data).isEqualTo("b");
      assertThat(news).isEmpty();
      all.close();
    }
  }

  @Test
  void providerClientFindsTheEventsItSubscribedToWhenItVisits() {
    RpcClient client = master.client();
    Provider monitor = client.provider().login("monitor");

    assertThat(client.events().subscribeClient("monitor", "crawler.*")).isTrue();
    client.events().publish("crawler.page", Map.of("n", 1));
    client.events().publish("indexer.page", Map.of("n", 2));

    List<Message> messages = monitor.visit("watching");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).from()).isEqualTo("events");
    assertThat(messages.get(0).message())
        .isEqualTo(Map.of("subject", "crawler.page", "data", Map.of("n", 1)));
    assertThatThrownBy(() -> client.events().subscribeClient("nobody", "crawler.*"))
        .isExactlyInstanceOf(ClientNotFoundError.class);
  }
}
