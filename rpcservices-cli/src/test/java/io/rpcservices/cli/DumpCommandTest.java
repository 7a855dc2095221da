package io.rpcservices.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.store.StoredValue;
import io.rpcservices.master.store.durable.DurableStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpcservices dump} and {@code rpcservices restore} move a data directory's state. */
class DumpCommandTest {
  @TempDir Path temp;

  @Test
  void dumpAndRestoreMoveTheStateToANewDataDirectory() throws IOException {
    Path source = temp.resolve("source");
    try (DurableStateStore store = DurableStateStore.open(source)) {
      store.stacks().create("jobs");
      store.stacks().pushAll("jobs", List.of(1, 2L));
      store.parameters().create("config");
      store.parameters().set("config", "depth", 3);
    }
    CliRun dump = CliRun.of("dump", "--data-dir", source.toString());
    assertThat(dump.exitCode()).isZero();
    assertThat(dump.err()).isEmpty();
    Path file = temp.resolve("state.json");
    Files.writeString(file, dump.out());

    Path target = temp.resolve("target");
    assertThat(CliRun.of("restore", "--data-dir", target.toString(), "--input", file.toString()))
        .isEqualTo(new CliRun(0, "", ""));

    try (DurableStateStore restored = DurableStateStore.open(target)) {
      assertThat(restored.stacks().pop("jobs")).isEqualTo(new StoredValue(2L));
      assertThat(restored.stacks().pop("jobs")).isEqualTo(new StoredValue(1));
      assertThat(restored.parameters().getAll("config")).isEqualTo(Map.of("depth", 3));
    }
    Path copy = temp.resolve("copy.json");
    assertThat(CliRun.of("dump", "--data-dir", source.toString(), "--output", copy.toString()))
        .isEqualTo(new CliRun(0, "", ""));
    assertThat(Files.readString(copy)).isEqualTo(dump.out());
  }

  @Test
  void dumpReportsAMissingDataDirectory() {
    Path missing = temp.resolve("missing");

    assertThat(CliRun.of("dump", "--data-dir", missing.toString()))
        .isEqualTo(new CliRun(1, "", "dump: no data directory at " + missing + "\n"));
    assertThat(missing).doesNotExist();
  }

  @Test
  void dumpReportsADataDirectoryInUse() {
    Path data = temp.resolve("data");
    try (DurableStateStore running = DurableStateStore.open(data)) {
      assertThat(CliRun.of("dump", "--data-dir", data.toString()))
          .isEqualTo(
              new CliRun(
                  1,
                  "",
                  "dump: data directory "
                      + data
                      + " is in use by another master (pid "
                      + ProcessHandle.current().pid()
                      + "): stop it first, or choose another data directory\n"));
    }
  }

  @Test
  void restoreRefusesADataDirectoryWithState() throws IOException {
    Path data = temp.resolve("data");
    try (DurableStateStore store = DurableStateStore.open(data)) {
      store.stacks().create("jobs");
    }
    Path file = temp.resolve("state.json");
    Files.writeString(file, CliRun.of("dump", "--data-dir", data.toString()).out());

    assertThat(CliRun.of("restore", "--data-dir", data.toString(), "--input", file.toString()))
        .isEqualTo(
            new CliRun(
                1,
                "",
                "restore: data directory " + data + " is not empty: restore into a new one\n"));
  }

  @Test
  void restoreRefusesWhatIsNoDumpAndLeavesTheDirectoryEmpty() throws IOException {
    Path data = temp.resolve("data");
    Path file = temp.resolve("state.json");
    Files.writeString(
        file,
        "{\"stacks\": [{\"name\": \"s\", \"items\": {\"array\": []}, \"reservations\": []}], \"x\":"
            + " 1}");

    assertThat(CliRun.of("restore", "--data-dir", data.toString(), "--input", file.toString()))
        .isEqualTo(new CliRun(1, "", "restore: unknown member 'x'\n"));
    try (DurableStateStore store = DurableStateStore.open(data)) {
      assertThat(store.stacks().names()).isEmpty();
    }
  }
}
