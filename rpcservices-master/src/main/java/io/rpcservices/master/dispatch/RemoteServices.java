package io.rpcservices.master.dispatch;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Services whose methods come and go while the master runs, such as worker pools; the registry
 * consults them for every method name that no local service has.
 */
public interface RemoteServices {
  /** No remote services at all. */
  RemoteServices NONE =
      new RemoteServices() {
        @Override
        public Optional<RemoteMethod> method(String name, @Nullable String group) {
          return Optional.empty();
        }

        @Override
        public List<RemoteMethod> methods(@Nullable String group) {
          return List.of();
        }
      };

  /**
   * The method {@code name}, such as {@code math.multiply}, if it is remote and, when {@code group}
   * is not {@code null}, its service belongs to {@code group}.
   */
  Optional<RemoteMethod> method(String name, @Nullable String group);

  /** All remote methods, or only those of {@code group}'s services, in any order. */
  List<RemoteMethod> methods(@Nullable String group);
}
