package io.rpcservices.master.store.durable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link CrashTestMaster} in a JVM of its own, killed with SIGKILL. */
final class MasterProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private MasterProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a master on {@code dataDirectory} and waits until it serves; its log goes to {@code
   * log}.
   */
  static MasterProcess start(Path dataDirectory, SyncMode sync, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx256m",
            // RocksDB unpacks its native library into the temporary folder, and a killed JVM
            // cannot delete it: keep it in the test's folder, which JUnit deletes.
            "-Djava.io.tmpdir=" + Files.createDirectories(log.resolveSibling("tmp")),
            "-cp",
            System.getProperty("java.class.path"),
            CrashTestMaster.class.getName(),
            dataDirectory.toString(),
            sync.label());
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> readLine(process));
      String line = firstLine.get(60, TimeUnit.SECONDS);
      if (line == null || !line.startsWith("port ")) {
        throw new IllegalStateException("master did not start: " + line + ", see " + log);
      }
      return new MasterProcess(process, Integer.parseInt(line.substring(5)));
    } catch (Exception e) {
      process.destroyForcibly().waitFor();
      throw e;
    }
  }

  int port() {
    return port;
  }

  /** Kills the master with SIGKILL, as {@code kill -9} does, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("master did not die");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static String readLine(Process process) {
    try {
      return new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
