package io.rpcservices.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A server under test running in a JVM of its own, with a line-based control channel on stdio. */
final class ServerProcess implements AutoCloseable {
  /** The same JVM settings for every server under test. */
  static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC");

  private final ServerKind kind;
  private final Process process;
  private final BufferedReader output;
  private final Writer control;
  private final Endpoint endpoint;

  private ServerProcess(ServerKind kind, Process process) throws IOException {
    this.kind = kind;
    this.process = process;
    this.output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String[] ready = readLine("port ").split(" ");
    if (ready.length != 3) {
      throw new IOException(kind + " did not start: " + String.join(" ", ready));
    }
    this.endpoint = new Endpoint("127.0.0.1", Integer.parseInt(ready[1]), ready[2]);
  }

  /**
   * Starts {@code kind} in a new JVM on this JVM's class path; its stderr goes to {@code log}.
   *
   * @param recording where to write a Java Flight Recording of the whole process, or null for none
   */
  static ServerProcess start(ServerKind kind, Path log, @Nullable Path recording)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    if (recording != null) {
      command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServerMain.class.getName());
    command.add(kind.name());
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      return new ServerProcess(kind, process);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Which server this is. */
  ServerKind kind() {
    return kind;
  }

  /** Where it takes calls. */
  Endpoint endpoint() {
    return endpoint;
  }

  /** The process, for its CPU time. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The process id, for reports and for looking at it with jcmd. */
  long pid() {
    return process.pid();
  }

  /** Asks the server process for its live threads and heap. */
  ServerStats stats() throws IOException {
    control.write("stats\n");
    control.flush();
    return ServerStats.parse(readLine("stats "));
  }

  /** Asks the server to stop and waits for it; kills it if it does not stop in time. */
  @Override
  public void close() {
    try {
      control.write("quit\n");
      control.close();
    } catch (IOException alreadyGone) {
      // The process has exited already; nothing to tell it.
    }
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The next control line starting with {@code prefix}; lines the JVM itself prints on standard
   * output (a flight recorder's start, for one) are skipped.
   */
  private String readLine(String prefix) throws IOException {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IOException(
        kind + " exited with " + process.onExit().join().exitValue() + "; see its log");
  }
}
