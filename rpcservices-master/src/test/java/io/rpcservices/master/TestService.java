package io.rpcservices.master;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import io.rpcservices.protocol.Help;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A service with one method per thing the dispatcher must handle. */
public final class TestService {
  /** Released by tests to let {@link #block()} return. */
  public final CountDownLatch release = new CountDownLatch(1);

  /** Counted down when {@link #block()} has started. */
  public final CountDownLatch blocking = new CountDownLatch(1);

  @Help("Adds two integers.")
  public int add(int x, int y) {
    return x + y;
  }

  public long addLong(long x, long y) {
    return x + y;
  }

  public double half(double x) {
    return x / 2;
  }

  public boolean not(boolean value) {
    return !value;
  }

  public @Nullable Integer boxed(@Nullable Integer value) {
    return value;
  }

  public String typeOf(@Nullable Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  public byte[] reverse(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return reversed;
  }

  public LocalDateTime nextDay(LocalDateTime time) {
    return time.plusDays(1);
  }

  public Map<String, Object> struct(Map<String, Object> struct) {
    return struct;
  }

  public List<Object> array(List<Object> array) {
    return array;
  }

  public String echo(String text) {
    return text;
  }

  @Help("Pops without waiting.")
  public String pop(String name) {
    return "pop " + name;
  }

  @Help("Pops, waiting up to the timeout.")
  public String pop(String name, int timeoutSeconds) {
    return "pop " + name + " " + timeoutSeconds;
  }

  public String whoami(CallContext call) {
    return call.remoteAddress();
  }

  public String greet(String name, CallContext call) {
    return name + "@" + call.remoteAddress();
  }

  public void nothing() {}

  public String refuse() {
    throw new FaultException(FaultCode.STACK_INDEX_ERROR, "stack 'in' is empty");
  }

  public String crash() {
    throw new IllegalStateException("secret detail");
  }

  public String badArgument() {
    throw new IllegalArgumentException("secret argument detail");
  }

  public Object unencodable() {
    return new Object();
  }

  public CompletableFuture<String> delayed(int millis) {
    return CompletableFuture.supplyAsync(
        () -> "done", CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
  }

  public CompletableFuture<Void> later() {
    return CompletableFuture.runAsync(() -> {});
  }

  public CompletableFuture<String> failLater() {
    return CompletableFuture.failedFuture(
        new FaultException(FaultCode.CALL_TIMEOUT_ERROR, "too late"));
  }

  public String block() throws InterruptedException {
    blocking.countDown();
    return release.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
  }
}
