package io.rpcservices.master.store.durable;

import java.util.Locale;

/** What an acknowledged mutation of a {@link DurableStateStore} survives. */
public enum SyncMode {
  /**
   * A crash of the master process ({@code kill -9}, an out-of-memory kill): every mutation reaches
   * the engine's write-ahead log, in the operating system's hands, before its call returns. The
   * default.
   */
  PROCESS,
  /**
   * A power loss or a crash of the operating system as well: the answer to a call waits until its
   * mutations are synced to the disk. Concurrent calls share one sync (group commit).
   */
  FSYNC;

  /** The name on the command line and in {@code master.info}: {@code process} or {@code fsync}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode of {@code label}, as {@link #label()} writes it.
   *
   * @throws IllegalArgumentException for another label
   */
  public static SyncMode of(String label) {
    for (SyncMode mode : values()) {
      if (mode.label().equals(label)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("sync mode: " + label + " (expected: process or fsync)");
  }
}
