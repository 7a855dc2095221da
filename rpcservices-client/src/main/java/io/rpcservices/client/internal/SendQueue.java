package io.rpcservices.client.internal;

import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Writes the messages of one WebSocket one at a time and in order, since a WebSocket takes one
 * message at a time. Responses queued while another message is being written go out together as
 * one JSON array (a JSON-RPC batch of responses), so that a busy worker writes one frame for many
 * answers rather than one each; an idle one writes each answer at once.
 */
final class SendQueue {
  /** The most characters of responses merged into one message. */
  static final int MAX_BATCH_CHARS = 8192;

  /** A message to write: text (a response or not), or the close when {@code text} is null. */
  private record Item(@Nullable String text, boolean response, CompletableFuture<Void> written) {}

  private final WebSocket socket;
  private final Object lock = new Object();
  // Guarded by lock: the messages not yet written, and whether a write is under way.
  private final Deque<Item> items = new ArrayDeque<>();
  private boolean writing;

  SendQueue(WebSocket socket) {
    this.socket = socket;
  }

  /**
   * Queues {@code text}; a {@code response} may share a message with other responses. The future
   * completes once it is written, or fails as the write did.
   */
  CompletableFuture<Void> text(String text, boolean response) {
    return enqueue(new Item(text, response, new CompletableFuture<>()));
  }

  /** Queues a normal close after the messages queued so far. */
  CompletableFuture<Void> close() {
    return enqueue(new Item(null, false, new CompletableFuture<>()));
  }

  private CompletableFuture<Void> enqueue(Item item) {
    synchronized (lock) {
      items.addLast(item);
      if (writing) {
        return item.written();
      }
      writing = true;
    }
    writeQueued();
    return item.written();
  }

  /** Writes what is queued, message after message, until the queue is empty. */
  private void writeQueued() {
    while (true) {
      List<Item> next;
      synchronized (lock) {
        if (items.isEmpty()) {
          writing = false;
          return;
        }
        next = takeNext();
      }
      CompletableFuture<WebSocket> sent = write(next);
      if (!sent.isDone()) {
        sent.whenComplete(
            (value, failure) -> {
              finish(next, failure);
              writeQueued();
            });
        return;
      }
      sent.whenComplete((value, failure) -> finish(next, failure));
    }
  }

  /** Under the lock: the next item, and the responses right behind it if it is one. */
  private List<Item> takeNext() {
    List<Item> next = new ArrayList<>();
    Item first = items.removeFirst();
    next.add(first);
    if (!first.response()) {
      return next;
    }
    int chars = first.text().length();
    while (!items.isEmpty()
        && items.peekFirst().response()
        && chars + items.peekFirst().text().length() <= MAX_BATCH_CHARS) {
      Item item = items.removeFirst();
      chars += item.text().length();
      next.add(item);
    }
    return next;
  }

  private CompletableFuture<WebSocket> write(List<Item> next) {
    try {
      String text = next.get(0).text();
      if (text == null) {
        return socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
      }
      if (next.size() == 1) {
        return socket.sendText(text, true);
      }
      StringBuilder batch = new StringBuilder(MAX_BATCH_CHARS + next.size() + 1).append('[');
      for (Item item : next) {
        if (batch.length() > 1) {
          batch.append(',');
        }
        batch.append(item.text());
      }
      return socket.sendText(batch.append(']'), true);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static void finish(List<Item> written, @Nullable Throwable failure) {
    for (Item item : written) {
      if (failure == null) {
        item.written().complete(null);
      } else {
        item.written().completeExceptionally(failure);
      }
    }
  }
}
