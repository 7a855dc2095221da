package io.rpcservices.master.store.durable;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Changes that an {@link Engine} applies at once. */
final class Batch {
  /** One change: a put (with a value), a delete, or a range delete (with an end key). */
  record Change(Kind kind, byte[] key, byte @Nullable [] other) {}

  /** What a change does. */
  enum Kind {
    PUT,
    DELETE,
    DELETE_RANGE
  }

  private final List<Change> changes = new ArrayList<>(4);

  Batch put(byte[] key, byte[] value) {
    changes.add(new Change(Kind.PUT, key, value));
    return this;
  }

  Batch delete(byte[] key) {
    changes.add(new Change(Kind.DELETE, key, null));
    return this;
  }

  /** Deletes every key from {@code from} (included) to {@code to} (excluded). */
  Batch deleteRange(byte[] from, byte[] to) {
    changes.add(new Change(Kind.DELETE_RANGE, from, to));
    return this;
  }

  List<Change> changes() {
    return changes;
  }
}
