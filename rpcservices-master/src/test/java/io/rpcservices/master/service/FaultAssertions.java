package io.rpcservices.master.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the faults that service calls answer with. */
public final class FaultAssertions {
  private FaultAssertions() {}

  /** Asserts that {@code call} throws the fault {@code code} with exactly {@code message}. */
  public static void assertFault(ThrowingCallable call, FaultCode code, String message) {
    assertIsFault(catchThrowable(call), code, message);
  }

  /** Asserts that {@code future} fails, within ten seconds, with the fault {@code code}. */
  public static void assertFails(CompletableFuture<?> future, FaultCode code, String message) {
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    assertIsFault(thrown.getCause(), code, message);
  }

  private static void assertIsFault(Throwable thrown, FaultCode code, String message) {
    assertThat(thrown).isInstanceOf(FaultException.class).hasMessage(message);
    assertThat(((FaultException) thrown).code()).isEqualTo(code.code());
  }
}
