package io.rpcservices.master.store.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock that keeps a data directory to one process: an operating-system lock on {@code
 * rpcservices.lock}, which holds the pid of its owner for the message of the next one. The system
 * drops the lock when the process dies, however it dies.
 */
final class DirectoryLock implements AutoCloseable {
  static final String FILE_NAME = "rpcservices.lock";

  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code directory}.
   *
   * @throws DataDirectoryException if another process (or another store in this one) holds it
   */
  static DirectoryLock acquire(Path directory) {
    // Closing any channel to a locked file may drop the process's lock on it (POSIX locks), so a
    // second store in this process must not even open the file.
    if (!HELD.add(directory)) {
      throw inUse(directory, Long.toString(ProcessHandle.current().pid()));
    }
    try {
      return lock(directory);
    } catch (RuntimeException e) {
      HELD.remove(directory);
      throw e;
    }
  }

  private static DirectoryLock lock(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new DataDirectoryException(
          "data directory " + directory + " cannot be locked: " + e.getMessage(), e);
    }
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw inUse(directory, owner(channel));
      }
      String pid = ProcessHandle.current().pid() + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid.getBytes(StandardCharsets.US_ASCII)), 0);
      return new DirectoryLock(directory, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel, e);
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      HELD.remove(directory);
    }
  }

  private static DataDirectoryException inUse(Path directory, String pid) {
    return new DataDirectoryException(
        "data directory "
            + directory
            + " is in use by another master (pid "
            + pid
            + "): stop it first, or choose another data directory");
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static String owner(FileChannel channel) throws IOException {
    ByteBuffer content = ByteBuffer.allocate(32);
    channel.read(content, 0);
    String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII);
    return pid.isBlank() ? "unknown" : pid.strip();
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
