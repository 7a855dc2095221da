package io.rpcservices.master.store.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.store.StoredValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data directories that the store refuses, and that it leaves as they were. */
class DataDirectoryTest {
  private static final String LEFT_AS_IT_IS =
      "); it was left as it is: restore it from a backup or a dump, or move it away to start empty";

  @TempDir Path directory;

  @Test
  void secondOpenOfTheSameDirectoryIsRefused() {
    try (DurableStateStore first = DurableStateStore.open(directory)) {
      first.stacks().create("s");
      assertThatThrownBy(() -> DurableStateStore.open(directory.resolve(".")))
          .isInstanceOf(DataDirectoryException.class)
          .hasMessage(
              "data directory "
                  + directory.toAbsolutePath()
                  + " is in use by another master (pid "
                  + ProcessHandle.current().pid()
                  + "): stop it first, or choose another data directory");
      first.stacks().push("s", "still usable");
    }
    try (DurableStateStore again = DurableStateStore.open(directory)) {
      assertThat(again.stacks().peek("s")).isEqualTo(new StoredValue("still usable"));
    }
  }

  @Test
  void newerFormatVersionIsRefused() {
    DurableStateStore.open(directory).close();
    writeRecord(Keys.FORMAT, Records.formatVersion(2));

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory "
                + directory
                + " has format version 2, newer than this version of rpcservices reads (1): run"
                + " a newer rpcservices");
  }

  @Test
  void badFormatRecordIsRefusedAsCorrupt() {
    DurableStateStore.open(directory).close();
    writeRecord(Keys.FORMAT, new byte[] {1, 2});

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory " + directory + " is corrupt (record ends early" + LEFT_AS_IT_IS);
  }

  @Test
  void recordWithoutItsOwnerIsRefusedAsCorrupt() {
    DurableStateStore.open(directory).close();
    writeRecord(Keys.member(Keys.ITEM, 99, 0), ValueCodec.encode("orphan"));

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory "
                + directory
                + " is corrupt (record of unknown stack 99"
                + LEFT_AS_IT_IS);
  }

  @Test
  void corruptDirectoryIsRefusedInFsyncModeAndReleased() {
    DurableStateStore.open(directory).close();
    writeRecord(Keys.member(Keys.ITEM, 99, 0), ValueCodec.encode("orphan"));

    String corrupt =
        "data directory " + directory + " is corrupt (record of unknown stack 99" + LEFT_AS_IT_IS;

    assertThatThrownBy(() -> DurableStateStore.open(directory, SyncMode.FSYNC))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(corrupt);
    // Refused again as corrupt, not as in use: the first attempt let the directory go.
    assertThatThrownBy(() -> DurableStateStore.open(directory, SyncMode.FSYNC))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(corrupt);
  }

  @Test
  void undecodableValueIsRefusedAsCorrupt() {
    try (DurableStateStore store = DurableStateStore.open(directory)) {
      store.stacks().create("s");
    }
    writeRecord(Keys.member(Keys.ITEM, 1, 0), new byte[] {42});

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory " + directory + " is corrupt (unknown value tag 42" + LEFT_AS_IT_IS);
  }

  @Test
  void garbageInTheEngineFilesIsRefusedAndLeftAsItWas() throws IOException {
    try (DurableStateStore store = DurableStateStore.open(directory)) {
      store.stacks().create("s");
      for (int i = 0; i < 1000; i++) {
        store.stacks().push("s", "item " + i);
      }
    }
    Path log = onlyFile(directory.resolve("rocksdb"), ".log");
    byte[] bytes = Files.readAllBytes(log);
    for (int i = bytes.length / 4; i < bytes.length / 2; i++) {
      bytes[i] = (byte) 0x5A;
    }
    Files.write(log, bytes);
    List<String> files = listing(directory);

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory "
                + directory
                + " is corrupt (rocksdb: checksum mismatch"
                + LEFT_AS_IT_IS);
    assertThat(listing(directory)).isEqualTo(files);
    assertThat(Files.readAllBytes(log)).isEqualTo(bytes);
  }

  @Test
  void garbageCurrentFileIsRefused() throws IOException {
    DurableStateStore.open(directory).close();
    Files.writeString(directory.resolve("rocksdb/CURRENT"), "garbage", StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory "
                + directory
                + " is corrupt (rocksdb: CURRENT file does not end with newline"
                + LEFT_AS_IT_IS);
  }

  @Test
  void missingEngineFilesAreRefused() throws IOException {
    DurableStateStore.open(directory).close();
    Files.delete(directory.resolve("rocksdb/CURRENT"));

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory "
                + directory
                + " is corrupt (rocksdb/CURRENT is missing"
                + LEFT_AS_IT_IS);
  }

  @Test
  void directoryWithOtherFilesIsRefused() throws IOException {
    Files.writeString(directory.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> DurableStateStore.open(directory))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(
            "data directory "
                + directory
                + " holds files that are not an rpcservices store: choose an empty or new"
                + " directory");
    assertThat(listing(directory)).containsExactly("notes.txt", "rpcservices.lock");
  }

  private void writeRecord(byte[] key, byte[] value) {
    try (RocksDbEngine engine = RocksDbEngine.open(directory.resolve("rocksdb"), false)) {
      engine.put(key, value);
    }
  }

  private static Path onlyFile(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
  }

  /** The files under {@code folder}, but for RocksDB's own text log, which each open rotates. */
  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("LOG"))
          .map(file -> folder.relativize(file).toString())
          .sorted()
          .toList();
    }
  }
}
