package io.rpcservices.master.store.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The engine on RocksDB. Writes go to RocksDB's write-ahead log without a sync, so a write that
 * returned is in the operating system's hands and survives the process; {@link #sync} syncs the
 * log. At open, RocksDB checks its files; its log recovery tolerates only a torn last record (a
 * write cut off by a crash, never acknowledged) and fails on any other damage, so that a damaged
 * directory is refused rather than read in part.
 */
final class RocksDbEngine implements Engine {
  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final RocksDB db;
  private final WriteOptions writeOptions = new WriteOptions();

  private RocksDbEngine(Options options, RocksDB db) {
    this.options = options;
    this.db = db;
  }

  /**
   * Opens the database in {@code directory}, creating it when {@code create} is set.
   *
   * @throws CorruptRecordException when RocksDB finds its files missing or damaged
   */
  static RocksDbEngine open(Path directory, boolean create) {
    if (!create && !Files.exists(directory.resolve("CURRENT"))) {
      throw new CorruptRecordException(directory.getFileName() + "/CURRENT is missing");
    }
    Options options =
        new Options()
            .setCreateIfMissing(create)
            .setErrorIfExists(create)
            .setParanoidChecks(true)
            .setWalRecoveryMode(WALRecoveryMode.TolerateCorruptedTailRecords)
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
            .setKeepLogFileNum(2)
            .setMaxLogFileSize(1 << 20);
    try {
      return new RocksDbEngine(options, RocksDB.open(options, directory.toString()));
    } catch (RocksDBException e) {
      options.close();
      throw new CorruptRecordException("rocksdb: " + e.getMessage());
    } catch (RuntimeException e) {
      options.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "rocksdb";
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  @Override
  public void put(byte[] key, byte[] value) {
    try {
      db.put(writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  @Override
  public void delete(byte[] key) {
    try {
      db.delete(writeOptions, key);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  @Override
  public void write(Batch batch) {
    try (WriteBatch writes = new WriteBatch()) {
      for (Batch.Change change : batch.changes()) {
        switch (change.kind()) {
          case PUT -> writes.put(change.key(), change.other());
          case DELETE -> writes.delete(change.key());
          case DELETE_RANGE -> writes.deleteRange(change.key(), change.other());
        }
      }
      db.write(writeOptions, writes);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  @Override
  public void sync() {
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      throw failure("sync", e);
    }
  }

  @Override
  public void scan(Visitor visitor) {
    try (ReadOptions read = new ReadOptions().setVerifyChecksums(true).setFillCache(false);
        RocksIterator records = db.newIterator(read)) {
      for (records.seekToFirst(); records.isValid(); records.next()) {
        visitor.record(records.key(), records.value());
      }
      records.status();
    } catch (RocksDBException e) {
      throw new CorruptRecordException("rocksdb: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      db.syncWal();
      db.closeE();
    } catch (RocksDBException e) {
      throw failure("close", e);
    } finally {
      writeOptions.close();
      options.close();
    }
  }

  private static UncheckedIOException failure(String what, RocksDBException e) {
    return new UncheckedIOException(
        new IOException("rocksdb " + what + " failed: " + e.getMessage(), e));
  }
}
