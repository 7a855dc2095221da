package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.ClientNotFoundError;
import io.rpcservices.client.Message;
import io.rpcservices.client.Provider;
import io.rpcservices.client.Providers;
import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A crawler's presence in the provider: it logs in with {@code {host, pid, role: crawler}}, and a
 * thread of its own visits in a loop, each visit reporting the {@link CrawlerStatus} and waiting up
 * to a second for messages, so that {@code pause}, {@code resume} and {@code stop} take effect at
 * once. The crawling thread asks {@link #awaitRunning()} before each page.
 */
final class CrawlerControl implements AutoCloseable {
  private static final Duration VISIT_WAIT = Duration.ofSeconds(1);
  private static final long RETRY_MILLIS = 1000;

  private final Providers providers;
  private final String name;
  private final Map<String, ?> info;
  private final PrintWriter log;
  private final Thread visitor;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicBoolean loggedIn = new AtomicBoolean(true);
  private volatile Provider provider;
  private volatile boolean paused;
  private volatile boolean parked;
  private volatile boolean stopping;
  private volatile boolean closed;
  private volatile String state = "login";
  private volatile @Nullable String url;
  private volatile long pages;
  private volatile long errors;

  private CrawlerControl(Providers providers, String name, Map<String, ?> info, PrintWriter log) {
    this.providers = providers;
    this.name = name;
    this.info = info;
    this.log = log;
    this.provider = providers.login(name, info);
    this.visitor = new Thread(this::visitLoop, "crawler-control");
    visitor.setDaemon(true);
  }

  /** Logs in as {@code name} with {@code info} and starts visiting. */
  static CrawlerControl start(
      Providers providers, String name, Map<String, ?> info, PrintWriter log) {
    CrawlerControl control = new CrawlerControl(providers, name, info, log);
    control.visitor.start();
    return control;
  }

  /** Waits while the crawler is paused; returns {@code false} once it was told to stop. */
  boolean awaitRunning() throws InterruptedException {
    lock.lock();
    try {
      while (paused && !stopping) {
        parked = true;
        changed.await();
      }
      parked = false;
      return !stopping;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the crawler should not start another page now: paused or stopping. */
  boolean holdsBack() {
    return paused || stopping;
  }

  /** Reports that the crawler is loading {@code url}. */
  void working(String url) {
    this.url = url;
    this.state = "crawling";
  }

  /** Reports that the crawler waits for work. */
  void idle() {
    this.url = null;
    this.state = "idle";
  }

  /** Counts a page this crawler finished with {@code outcome}. */
  void finished(Outcome outcome) {
    if (outcome.isSaved()) {
      pages++;
    } else if (outcome.isError()) {
      errors++;
    }
  }

  /** The status as the next visit reports it. */
  CrawlerStatus status() {
    String now = stopping ? "stopping" : paused ? parked ? "paused" : "pausing" : state;
    return new CrawlerStatus(now, pages, errors, now.equals("crawling") ? url : null);
  }

  /** Stops visiting and logs out. */
  @Override
  public void close() {
    if (!loggedIn.compareAndSet(true, false)) {
      return;
    }
    closed = true;
    try {
      visitor.join(TimeUnit.SECONDS.toMillis(5) + VISIT_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      provider.logout();
    } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
      log.println("crawler: logout failed: " + e.getMessage());
    }
  }

  private void visitLoop() {
    while (!closed) {
      try {
        handle(provider.visit(status().format(), VISIT_WAIT));
      } catch (ClientNotFoundError e) {
        // The master forgot us (restarted in memory, or timed us out): log in again.
        retry(() -> provider = providers.login(name, info));
      } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
        log.println("crawler: visit failed: " + e.getMessage());
        retry(() -> {});
      }
    }
  }

  private void handle(List<Message> messages) {
    for (Message message : messages) {
      String command = String.valueOf(message.message()).strip().toLowerCase(Locale.ROOT);
      log.println("crawler: message from " + message.from() + ": " + command);
      lock.lock();
      try {
        switch (command) {
          case "pause" -> paused = true;
          case "resume" -> paused = false;
          case "stop" -> stopping = true;
          default -> log.println("crawler: ignored message: " + command);
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
    log.flush();
  }

  private void retry(Runnable action) {
    try {
      TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
      action.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
      log.println("crawler: login failed: " + e.getMessage());
    }
  }
}
