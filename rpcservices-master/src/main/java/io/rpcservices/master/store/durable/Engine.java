package io.rpcservices.master.store.durable;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The embedded engine under the durable store: an ordered key/value store with atomic batches, a
 * write-ahead log that each write reaches before it returns (so that it survives the process), and
 * a sync that makes everything written so far survive a power loss. Safe for concurrent use.
 */
interface Engine extends AutoCloseable {
  /** The engine's name for {@code master.info}, such as {@code rocksdb}. */
  String name();

  /** The value of {@code key}, or {@code null}. */
  byte @Nullable [] get(byte[] key);

  /** Writes one record. */
  void put(byte[] key, byte[] value);

  /** Deletes one record. */
  void delete(byte[] key);

  /** Applies every change of {@code batch} at once: after a crash, all or none are there. */
  void write(Batch batch);

  /** Forces everything written so far to stable storage. */
  void sync();

  /** Calls {@code visitor} with every record, in key order. */
  void scan(Visitor visitor);

  /** Closes the engine; it is not used afterwards. */
  @Override
  void close();

  /** Opens an engine on its own folder of the data directory. */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens the engine in {@code directory}, creating an empty one there when {@code create} is set
     * (the folder does not exist then).
     *
     * @throws CorruptRecordException when the engine finds its files damaged
     */
    Engine open(Path directory, boolean create);
  }

  /** Receives the records of a scan. */
  @FunctionalInterface
  interface Visitor {
    /** One record. */
    void record(byte[] key, byte[] value);
  }
}
