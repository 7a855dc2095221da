package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Provider} stub and the provider service facade against a real master. */
class ProviderTest {
  @RegisterExtension static final LocalMaster master = new LocalMaster();
  private static RpcClient client;

  private String prefix;

  @BeforeAll
  static void connect() {
    client = RpcClient.connect(master.url());
  }

  @BeforeEach
  void namePrefix(TestInfo test) {
    prefix = test.getTestMethod().orElseThrow().getName() + "-";
  }

  @Test
  void loginRegistersTheClientWithItsInfo() {
    Provider crawler = client.provider().login(prefix + "crawler", Map.of("role", "crawler"));

    assertThat(crawler.getName()).isEqualTo(prefix + "crawler");
    assertThat(client.provider().hasClient(prefix + "crawler")).isTrue();
    assertThat(client.provider().getAllClientNames()).contains(prefix + "crawler");
    ClientRecord record = client.provider().getClient(prefix + "crawler");
    assertThat(record.name()).isEqualTo(prefix + "crawler");
    assertThat(record.info()).containsEntry("role", "crawler");
    assertThat(record.loginTime()).isNotNull();
    assertThat(client.provider().getAllClients()).containsKey(prefix + "crawler");
  }

  @Test
  void visitRecordsTheStatusAndDrainsMessages() {
    Provider alice = client.provider().login(prefix + "alice");
    Provider bob = client.provider().login(prefix + "bob");

    bob.sendMessage(prefix + "alice", Map.of("job", 7));
    List<Message> messages = alice.visit("working");

    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).from()).isEqualTo(prefix + "bob");
    assertThat(messages.get(0).message()).isEqualTo(Map.of("job", 7));
    assertThat(messages.get(0).sentAt()).isNotNull();
    assertThat(alice.visit("working")).isEmpty();
    ClientRecord record = client.provider().getClient(prefix + "alice");
    assertThat(record.status()).isEqualTo("working");
    assertThat(record.visits()).isEqualTo(2);
  }

  @Test
  void visitWithWaitGetsAMessageSentWhileItWaits() throws Exception {
    Provider waiter = client.provider().login(prefix + "waiter");
    Provider sender = client.provider().login(prefix + "sender");

    CompletableFuture<List<Message>> visit =
        CompletableFuture.supplyAsync(() -> waiter.visit("idle", Duration.ofSeconds(30)));
    sender.sendMessage(prefix + "waiter", "wake up");

    assertThat(visit.get(20, TimeUnit.SECONDS))
        .extracting(Message::message)
        .containsExactly("wake up");
  }

  @Test
  void broadcastReachesTheOthers() {
    Provider one = client.provider().login(prefix + "one");
    Provider two = client.provider().login(prefix + "two");

    assertThat(one.broadcast("hello")).isPositive();

    assertThat(two.visit("ok")).extracting(Message::message).contains("hello");
  }

  @Test
  void getAllOtherClientNamesLeavesOutTheCaller() {
    Provider me = client.provider().login(prefix + "me");
    client.provider().login(prefix + "other");

    assertThat(me.getAllOtherClientNames())
        .contains(prefix + "other")
        .doesNotContain(prefix + "me");
  }

  @Test
  void messageToAnUnknownClientRaisesClientNotFoundError() {
    Provider me = client.provider().login(prefix + "me");

    assertThatThrownBy(() -> me.sendMessage(prefix + "nobody", "hi"))
        .isExactlyInstanceOf(ClientNotFoundError.class);
    assertThatThrownBy(() -> client.provider().getClient(prefix + "nobody"))
        .isExactlyInstanceOf(ClientNotFoundError.class);
  }

  @Test
  void logoutRemovesTheClient() {
    Provider gone = client.provider().login(prefix + "gone");

    gone.logout();

    assertThat(client.provider().hasClient(prefix + "gone")).isFalse();
    assertThatThrownBy(() -> gone.visit("back?")).isExactlyInstanceOf(ClientNotFoundError.class);
  }

  @Test
  void cleanUpKeepsClientsThatVisitedRecently() {
    Provider fresh = client.provider().login(prefix + "fresh");
    fresh.visit("here");

    assertThat(client.provider().cleanUp()).isGreaterThanOrEqualTo(0);

    assertThat(client.provider().hasClient(prefix + "fresh")).isTrue();
  }
}
