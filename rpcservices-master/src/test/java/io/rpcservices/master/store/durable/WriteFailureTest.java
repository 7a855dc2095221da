package io.rpcservices.master.store.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.StoredValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write the engine refuses fails the call and leaves memory as the engine has it. */
class WriteFailureTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path directory;
  private FailingEngine engine;

  @Test
  void failedWritesChangeNothing() {
    try (DurableStateStore store = open()) {
      store.stacks().create("s");
      store.stacks().pushAll("s", List.of("a", "b"));
      store.parameters().create("p");
      store.parameters().set("p", "x", 1);
      store.clients().login("c", "10.0.0.1", Map.of(), NOW);

      engine.failing = true;
      assertThatThrownBy(() -> store.stacks().push("s", "c"))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("java.io.IOException: disk full");
      assertThatThrownBy(() -> store.stacks().pop("s")).isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(() -> store.stacks().reserve("s", "t", NOW))
          .isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(() -> store.stacks().create("new"))
          .isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(() -> store.parameters().set("p", "x", 2))
          .isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(() -> store.clients().send("c", new ClientMessage(null, "m", NOW)))
          .isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(() -> store.clients().logout("c"))
          .isInstanceOf(UncheckedIOException.class);

      assertThat(store.stacks().names()).containsExactly("s");
      assertThat(store.stacks().size("s")).isEqualTo(2);
      assertThat(store.stacks().peek("s")).isEqualTo(new StoredValue("b"));
      assertThat(store.stacks().reservations("s")).isEmpty();
      assertThat(store.parameters().get("p", "x")).isEqualTo(new StoredValue(1));
      assertThat(store.clients().get("c").pendingMessages()).isZero();
      engine.failing = false;
    }
    try (DurableStateStore reopened = open()) {
      assertThat(reopened.stacks().pop("s")).isEqualTo(new StoredValue("b"));
      assertThat(reopened.clients().names()).containsExactly("c");
    }
  }

  @Test
  void writesAfterCloseFailWithoutReachingTheEngine() {
    DurableStateStore store = open();
    store.stacks().create("s");
    store.close();

    assertThatThrownBy(() -> store.stacks().push("s", "late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store is closed");
  }

  private DurableStateStore open() {
    return DurableStateStore.open(
        directory,
        SyncMode.PROCESS,
        "rocksdb",
        (folder, create) -> engine = new FailingEngine(RocksDbEngine.open(folder, create)));
  }

  /** The RocksDB engine, refusing every write while {@link #failing} is set. */
  private static final class FailingEngine implements Engine {
    private final Engine engine;
    volatile boolean failing;

    FailingEngine(Engine engine) {
      this.engine = engine;
    }

    @Override
    public String name() {
      return engine.name();
    }

    @Override
    public byte @Nullable [] get(byte[] key) {
      return engine.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
      check();
      engine.put(key, value);
    }

    @Override
    public void delete(byte[] key) {
      check();
      engine.delete(key);
    }

    @Override
    public void write(Batch batch) {
      check();
      engine.write(batch);
    }

    @Override
    public void sync() {
      engine.sync();
    }

    @Override
    public void scan(Visitor visitor) {
      engine.scan(visitor);
    }

    @Override
    public void close() {
      engine.close();
    }

    private void check() {
      if (failing) {
        throw new UncheckedIOException(new IOException("disk full"));
      }
    }
  }
}
