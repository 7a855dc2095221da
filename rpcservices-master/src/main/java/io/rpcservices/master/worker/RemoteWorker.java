package io.rpcservices.master.worker;

import io.rpcservices.master.Peer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One registered worker: its session, what it registered, and its load and statistics. The mutable
 * state is guarded by the lock of the worker's {@link Pool}.
 */
final class RemoteWorker {
  /** How many gaps between requests {@code mgt.stats} reports. */
  private static final int WAIT_TIMES = 10;

  private final String wid;
  private final Peer peer;
  private final Registration registration;
  private final AtomicLong requestIds = new AtomicLong();
  private final Deque<Double> waitTimes = new ArrayDeque<>();
  private int inflight;
  private long processed;
  private long exceptions;
  private long lastRequestNanos;
  private boolean draining;

  RemoteWorker(String wid, Peer peer, Registration registration) {
    this.wid = wid;
    this.peer = peer;
    this.registration = registration;
  }

  String wid() {
    return wid;
  }

  Peer peer() {
    return peer;
  }

  Registration registration() {
    return registration;
  }

  /** A request id not used before on this worker's session. */
  long nextRequestId() {
    return requestIds.incrementAndGet();
  }

  /** Whether the worker may take one more call now. */
  boolean canTake() {
    return !draining && inflight < registration.concurrency();
  }

  /** Whether the worker takes calls at all (it has not been told to stop). */
  boolean isLive() {
    return !draining;
  }

  int inflight() {
    return inflight;
  }

  /** Stops routing calls to this worker. */
  void drain() {
    draining = true;
  }

  /** Counts a call sent to the worker, and the time it waited since the one before. */
  void started() {
    long now = System.nanoTime();
    if (lastRequestNanos != 0) {
      if (waitTimes.size() == WAIT_TIMES) {
        waitTimes.removeFirst();
      }
      waitTimes.addLast((now - lastRequestNanos) / 1e9);
    }
    lastRequestNanos = now;
    inflight++;
  }

  /** Counts a call the worker answered, with an error or not. */
  void answered(boolean error) {
    inflight--;
    processed++;
    if (error) {
      exceptions++;
    }
  }

  /** Counts a call that the worker will not answer, since its session closed. */
  void lost() {
    inflight--;
  }

  /** The {@code mgt.ping} entry. */
  Map<String, Object> ping() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("wid", wid);
    entry.put("service", registration.service());
    entry.put("host", registration.host());
    entry.put("pid", registration.pid());
    entry.put("groups", registration.groups());
    return entry;
  }

  /** The {@code mgt.stats} entry. */
  Map<String, Object> stats() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("wid", wid);
    entry.put("host", registration.host());
    entry.put("pid", registration.pid());
    entry.put("processed", processed);
    entry.put("exceptions", exceptions);
    entry.put("inflight", inflight);
    entry.put("waittimes", List.copyOf(new ArrayList<>(waitTimes)));
    return entry;
  }
}
