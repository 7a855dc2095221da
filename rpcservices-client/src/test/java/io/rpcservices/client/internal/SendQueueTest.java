package io.rpcservices.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SendQueueTest {
  private final RecordingSocket socket = new RecordingSocket();
  private final SendQueue queue = new SendQueue(socket);

  @Test
  void aMessageOnAnIdleSocketGoesOutAtOnce() {
    CompletableFuture<Void> written = queue.text("{\"id\":1}", true);

    assertThat(socket.sent).containsExactly("{\"id\":1}");
    assertThat(written).isNotDone();
    socket.completeNext();
    assertThat(written).isCompleted();
  }

  @Test
  void responsesQueuedBehindAWriteGoOutAsOneBatch() {
    queue.text("{\"id\":1}", true);
    CompletableFuture<Void> second = queue.text("{\"id\":2}", true);
    CompletableFuture<Void> third = queue.text("{\"id\":3}", true);

    socket.completeNext();

    assertThat(socket.sent).containsExactly("{\"id\":1}", "[{\"id\":2},{\"id\":3}]");
    socket.completeNext();
    assertThat(second).isCompleted();
    assertThat(third).isCompleted();
  }

  @Test
  void requestsAndTheCloseKeepTheirOrderAndAreNeverBatched() {
    queue.text("{\"method\":\"a\"}", false);
    queue.text("{\"id\":1}", true);
    queue.text("{\"method\":\"b\"}", false);
    queue.text("{\"id\":2}", true);
    queue.close();

    for (int i = 0; i < 5; i++) {
      socket.completeNext();
    }

    assertThat(socket.sent)
        .containsExactly(
            "{\"method\":\"a\"}", "{\"id\":1}", "{\"method\":\"b\"}", "{\"id\":2}", "close 1000");
  }

  @Test
  void aBatchStopsBeforeItWouldPassTheLimit() {
    String half = "{\"r\":\"" + "x".repeat(SendQueue.MAX_BATCH_CHARS / 2 - 8) + "\"}";
    queue.text("{\"id\":0}", true);
    queue.text(half, true);
    queue.text(half, true);
    queue.text(half, true);

    socket.completeNext();
    socket.completeNext();

    assertThat(socket.sent).containsExactly("{\"id\":0}", "[" + half + "," + half + "]", half);
  }

  @Test
  void aFailedWriteFailsEveryMessageItCarried() {
    queue.text("{\"id\":1}", true);
    CompletableFuture<Void> second = queue.text("{\"id\":2}", true);
    CompletableFuture<Void> third = queue.text("{\"id\":3}", true);
    socket.completeNext();

    socket.failNext(new IOException("connection reset"));

    assertThat(second).isCompletedExceptionally();
    assertThat(third).isCompletedExceptionally();
    assertThat(second.handle((value, failure) -> failure).join())
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }

  /** A WebSocket whose writes complete when the test says so. */
  private static final class RecordingSocket implements WebSocket {
    final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<WebSocket>> pending = new ArrayList<>();

    void completeNext() {
      pending.remove(0).complete(this);
    }

    void failNext(Throwable failure) {
      pending.remove(0).completeExceptionally(failure);
    }

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      sent.add(data.toString());
      return write();
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
      sent.add("close " + statusCode);
      return write();
    }

    private CompletableFuture<WebSocket> write() {
      CompletableFuture<WebSocket> written = new CompletableFuture<>();
      pending.add(written);
      return written;
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void request(long n) {}

    @Override
    public String getSubprotocol() {
      return "";
    }

    @Override
    public boolean isOutputClosed() {
      return false;
    }

    @Override
    public boolean isInputClosed() {
      return false;
    }

    @Override
    public void abort() {}
  }
}
