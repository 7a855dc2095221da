package io.rpcservices.bench;

/** The shared clock of one load run: warm-up, then a measured window, then stop. */
final class RunPhase {
  private volatile boolean measuring;
  private volatile boolean stopped;
  private volatile long measureStartNanos;
  private volatile long measureEndNanos;

  /** Ends the warm-up: calls completing from now on are recorded. */
  void startMeasuring() {
    measureStartNanos = System.nanoTime();
    measuring = true;
  }

  /** Ends the measured window: connections finish their outstanding call and stop. */
  void stop() {
    measureEndNanos = System.nanoTime();
    measuring = false;
    stopped = true;
  }

  /** Whether a call completing now is recorded. */
  boolean isMeasuring() {
    return measuring;
  }

  /** Whether connections should stop after their outstanding call. */
  boolean isStopped() {
    return stopped;
  }

  /** The length of the measured window in seconds, once stopped. */
  double measuredSeconds() {
    return (measureEndNanos - measureStartNanos) / 1e9;
  }
}
