package io.rpcservices.master.store.durable;

import io.rpcservices.master.store.ClientStore;
import io.rpcservices.master.store.ParameterStore;
import io.rpcservices.master.store.StackStore;
import io.rpcservices.master.store.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A state store that survives crashes: every mutation is written to an embedded RocksDB database
 * under a data directory before its call returns, and read back when the store opens again. Reads
 * are served from memory, which holds the whole state. Reservations keep their absolute deadlines,
 * so a lease keeps running across a restart.
 *
 * <p>The directory holds {@code rocksdb/} (the database) and {@code rpcservices.lock}, which keeps
 * it to one process. A directory that is in use, corrupt, from a newer format version or that holds
 * something else is refused with a {@link DataDirectoryException}; it is never emptied.
 *
 * <pre>{@code
 * Master master =
 *     Master.builder()
 *         .stateStore(DurableStateStore.open(Path.of("rpcservices-data"), SyncMode.PROCESS))
 *         .build()
 *         .start();
 * }</pre>
 */
public final class DurableStateStore implements StateStore {
  /** The format version this code writes, and the newest it reads. */
  static final int FORMAT_VERSION = 1;

  private final Path directory;
  private final SyncMode sync;
  private final DirectoryLock lock;
  private final Journal journal;
  private final DurableStackStore stacks;
  private final DurableParameterStore parameters;
  private final DurableClientStore clients;

  private DurableStateStore(Path directory, SyncMode sync, DirectoryLock lock, Journal journal) {
    this.directory = directory;
    this.sync = sync;
    this.lock = lock;
    this.journal = journal;
    this.stacks = new DurableStackStore(journal);
    this.parameters = new DurableParameterStore(journal);
    this.clients = new DurableClientStore(journal);
  }

  /**
   * Opens the store in {@code directory} (created if missing) with {@link SyncMode#PROCESS}.
   *
   * @throws DataDirectoryException as for {@link #open(Path, SyncMode)}
   */
  public static DurableStateStore open(Path directory) {
    return open(directory, SyncMode.PROCESS);
  }

  /**
   * Opens the store in {@code directory}, creating the directory and an empty store if missing, and
   * reads the state into memory.
   *
   * @throws DataDirectoryException if the directory is in use by another process, is corrupt, has a
   *     newer format version, holds files that are not a store, or cannot be created
   */
  public static DurableStateStore open(Path directory, SyncMode sync) {
    return open(directory, sync, "rocksdb", RocksDbEngine::open);
  }

  /**
   * Opens the store on the engine that {@code opener} opens in the folder {@code engineName} of the
   * data directory; the benchmark measures other engines through it.
   */
  static DurableStateStore open(
      Path directory, SyncMode sync, String engineName, Engine.Opener opener) {
    Path absolute = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new DataDirectoryException(
          "data directory " + absolute + " cannot be created: " + e.getMessage(), e);
    }
    DirectoryLock lock = DirectoryLock.acquire(absolute);
    try {
      Engine engine = openEngine(absolute, engineName, opener);
      Journal journal = null;
      try {
        checkFormat(absolute, engine);
        journal = new Journal(engine, sync);
        DurableStateStore store = new DurableStateStore(absolute, sync, lock, journal);
        Loader.load(engine, store.stacks, store.parameters, store.clients);
        return store;
      } catch (RuntimeException e) {
        // The journal's sync thread must stop before the engine closes under it.
        if (journal != null) {
          journal.close();
        } else {
          engine.close();
        }
        throw e instanceof CorruptRecordException corruption
            ? corrupt(absolute, corruption.getMessage(), corruption)
            : e;
      }
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  @Override
  public StackStore stacks() {
    return stacks;
  }

  @Override
  public ParameterStore parameters() {
    return parameters;
  }

  @Override
  public ClientStore clients() {
    return clients;
  }

  /** Such as {@code durable (rocksdb, sync=process) at /var/lib/rpcservices}. */
  @Override
  public String description() {
    return "durable (" + journal.engine().name() + ", sync=" + sync.label() + ") at " + directory;
  }

  /**
   * Completes at once with {@link SyncMode#PROCESS}; with {@link SyncMode#FSYNC}, once a sync
   * shared with the concurrent callers has covered every mutation that returned before this call.
   */
  @Override
  public CompletableFuture<Void> durable() {
    return journal.durable();
  }

  /** The data directory, absolute. */
  public Path directory() {
    return directory;
  }

  /** Syncs, closes the database and releases the directory. */
  @Override
  public void close() {
    try {
      journal.close();
    } finally {
      lock.close();
    }
  }

  DurableStackStore durableStacks() {
    return stacks;
  }

  DurableParameterStore durableParameters() {
    return parameters;
  }

  DurableClientStore durableClients() {
    return clients;
  }

  private static Engine openEngine(Path directory, String engineName, Engine.Opener opener) {
    Path engineDirectory = directory.resolve(engineName);
    boolean fresh = !Files.exists(engineDirectory);
    if (fresh && holdsOtherFiles(directory)) {
      throw new DataDirectoryException(
          "data directory "
              + directory
              + " holds files that are not an rpcservices store: choose an empty or new directory");
    }
    try {
      return opener.open(engineDirectory, fresh);
    } catch (CorruptRecordException e) {
      throw corrupt(directory, e.getMessage(), e);
    }
  }

  /** Checks the format version; writes it into a store that has no record yet. */
  private static void checkFormat(Path directory, Engine engine) {
    byte[] format = engine.get(Keys.FORMAT);
    if (format == null) {
      boolean[] empty = {true};
      engine.scan((key, value) -> empty[0] = false);
      if (!empty[0]) {
        throw corrupt(directory, "the format record is missing", null);
      }
      engine.put(Keys.FORMAT, Records.formatVersion(FORMAT_VERSION));
      engine.sync();
      return;
    }
    int version = Records.readFormatVersion(format);
    if (version > FORMAT_VERSION) {
      throw new DataDirectoryException(
          "data directory "
              + directory
              + " has format version "
              + version
              + ", newer than this version of rpcservices reads ("
              + FORMAT_VERSION
              + "): run a newer rpcservices");
    }
    if (version < 1) {
      throw corrupt(directory, "bad format version " + version, null);
    }
  }

  private static boolean holdsOtherFiles(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.anyMatch(
          entry -> !entry.getFileName().toString().equals(DirectoryLock.FILE_NAME));
    } catch (IOException e) {
      throw new DataDirectoryException(
          "data directory " + directory + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static DataDirectoryException corrupt(
      Path directory, String detail, @Nullable Throwable cause) {
    String message =
        "data directory "
            + directory
            + " is corrupt ("
            + detail
            + "); it was left as it is: restore it from a backup or a dump, or move it away to"
            + " start empty";
    return cause == null
        ? new DataDirectoryException(message)
        : new DataDirectoryException(message, cause);
  }
}
