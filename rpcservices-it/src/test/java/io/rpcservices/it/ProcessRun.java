package io.rpcservices.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external program to its end.
 *
 * @param exitCode the program's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record ProcessRun(int exitCode, String out, String err) {
  private static final long TIMEOUT_SECONDS = 60;

  /** Runs {@code command} with nothing on stdin; fails the test if it runs over a minute. */
  static ProcessRun of(List<String> command) throws IOException, InterruptedException {
    return of(command, "");
  }

  /** Runs {@code command} with {@code input} on stdin. */
  static ProcessRun of(List<String> command, String input)
      throws IOException, InterruptedException {
    return in(Path.of("").toAbsolutePath(), command, input);
  }

  /** Runs {@code command} in {@code directory} with {@code input} on stdin. */
  static ProcessRun in(Path directory, List<String> command, String input)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("rpcservices-it", ".out");
    Path err = Files.createTempFile("rpcservices-it", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().put("PYTHONIOENCODING", "utf-8");
      builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      Process process = builder.start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("%s did not finish within %d seconds", command, TIMEOUT_SECONDS);
      }
      return new ProcessRun(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Whether {@code program} can be started at all, asked with {@code --version}. */
  static boolean available(String program) throws InterruptedException {
    try {
      return of(List.of(program, "--version")).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The path of a file or folder named by a system property that the build sets. */
  static Path location(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + ": not set (run the tests with Maven)");
    }
    return Path.of(value).normalize();
  }
}
