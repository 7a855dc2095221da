package io.rpcservices.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rpcservices.client.RpcClient;
import io.rpcservices.master.store.durable.DurableStateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MasterCommandTest {
  private static final Pattern LISTENING =
      Pattern.compile("rpcservices master listening on (http://\\S+)");
  private static final String GREETER_SOURCE =
      String.join(
          "\n",
          List.of(
              "package demo;",
              "public class Greeter {",
              "  public String hello(String name) {",
              "    return \"hello, \" + name;",
              "  }",
              "}"));

  // Held here because java.util.logging keeps loggers only weakly.
  private final Logger masterLog = Logger.getLogger("io.rpcservices.master.Master");

  @TempDir Path temp;
  private Thread runningThread;
  private CompletableFuture<Integer> running;

  @Test
  void hostsAServiceClassLoadedFromAClasspathJar() throws Exception {
    Path jar = compileIntoJar("demo.Greeter", GREETER_SOURCE);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RpcServicesCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    ListeningHandler listening = new ListeningHandler();
    masterLog.addHandler(listening);
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () ->
                exitCode.complete(
                    commandLine.execute(
                        "master",
                        "--in-memory",
                        "--port",
                        "0",
                        "--service",
                        "greeter=demo.Greeter",
                        "--classpath",
                        jar.toString())));
    thread.start();
    try {
      String url = listening.url.get(30, TimeUnit.SECONDS);

      assertThat(RpcClient.connect(url).call("greeter.hello", "Ada")).isEqualTo("hello, Ada");
    } finally {
      thread.interrupt();
      masterLog.removeHandler(listening);
    }
    assertThat(exitCode.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void reportsAClassThatIsNotFound() throws Exception {
    Path jar = compileIntoJar("demo.Greeter", GREETER_SOURCE);

    CliRun run =
        CliRun.of(
            "master",
            "--in-memory",
            "--port",
            "0",
            "--service",
            "math=demo.Math",
            "--classpath",
            jar.toString());

    assertThat(run)
        .isEqualTo(
            new CliRun(
                1,
                "",
                "master: service math: class not found: demo.Math (classpath: " + jar + ")\n"));
  }

  @Test
  void reportsAClassWithoutANoArgumentConstructor() {
    String className = NeedsArgument.class.getName();

    CliRun run =
        CliRun.of("master", "--in-memory", "--port", "0", "--service", "math=" + className);

    assertThat(run)
        .isEqualTo(
            new CliRun(
                1,
                "",
                "master: service math: " + className + " has no public no-argument constructor\n"));
  }

  @Test
  void reportsAMissingClasspathEntry() {
    Path missing = temp.resolve("missing.jar");

    CliRun run =
        CliRun.of(
            "master", "--in-memory", "--service", "m=demo.Math", "--classpath", missing.toString());

    assertThat(run)
        .isEqualTo(new CliRun(1, "", "master: classpath entry not found: " + missing + "\n"));
  }

  @Test
  void reportsAPortThatIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());

      CliRun run = CliRun.of("master", "--in-memory", "--host", "127.0.0.1", "--port", port);

      assertThat(run)
          .isEqualTo(
              new CliRun(
                  1,
                  "",
                  "master: cannot listen on 127.0.0.1:" + port + ": Address already in use\n"));
    }
  }

  @Test
  void refusesATimeoutThatIsNotPositive() {
    CliRun run = CliRun.of("master", "--in-memory", "--client-timeout", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("--client-timeout: 0 (expected: > 0)\n");
    CliRun callTimeout = CliRun.of("master", "--in-memory", "--call-timeout", "-1");
    assertThat(callTimeout.err()).startsWith("--call-timeout: -1 (expected: > 0)\n");
  }

  @Test
  void keepsItsStateInTheDataDirectoryAcrossARestart() throws Exception {
    Path data = temp.resolve("data");
    String url = startMaster("--port", "0", "--data-dir", data.toString());
    try {
      RpcClient client = RpcClient.connect(url);
      client.call("stack.create", "jobs");
      client.call("stack.push", "jobs", "job 1");
      assertThat(((Map<?, ?>) client.call("master.info")).get("store"))
          .isEqualTo("durable (rocksdb, sync=process) at " + data.toAbsolutePath());
    } finally {
      stopMaster();
    }
    url = startMaster("--port", "0", "--data-dir", data.toString(), "--sync", "fsync");
    try {
      RpcClient client = RpcClient.connect(url);
      assertThat(client.call("stack.pop", "jobs")).isEqualTo("job 1");
      assertThat(((Map<?, ?>) client.call("master.info")).get("store"))
          .isEqualTo("durable (rocksdb, sync=fsync) at " + data.toAbsolutePath());
    } finally {
      stopMaster();
    }
  }

  @Test
  void refusesADataDirectoryInUse() {
    Path data = temp.resolve("data");
    try (DurableStateStore store = DurableStateStore.open(data)) {
      CliRun run = CliRun.of("master", "--port", "0", "--data-dir", data.toString());

      assertThat(run)
          .isEqualTo(
              new CliRun(
                  1,
                  "",
                  "master: data directory "
                      + data.toAbsolutePath()
                      + " is in use by another master (pid "
                      + ProcessHandle.current().pid()
                      + "): stop it first, or choose another data directory\n"));
    }
  }

  @Test
  void refusesAnUnknownSyncMode() {
    CliRun run = CliRun.of("master", "--sync", "sometimes", "--data-dir", temp.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("--sync: sometimes (expected: process or fsync)\n");
  }

  private String startMaster(String... args) throws Exception {
    ListeningHandler listening = new ListeningHandler();
    masterLog.addHandler(listening);
    List<String> command = new ArrayList<>(List.of("master"));
    command.addAll(List.of(args));
    running = new CompletableFuture<>();
    CompletableFuture<Integer> exitCode = running;
    runningThread =
        new Thread(() -> exitCode.complete(CliRun.of(command.toArray(String[]::new)).exitCode()));
    runningThread.start();
    try {
      return listening.url.get(30, TimeUnit.SECONDS);
    } finally {
      masterLog.removeHandler(listening);
    }
  }

  private void stopMaster() throws Exception {
    runningThread.interrupt();
    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
  }

  private Path compileIntoJar(String className, String source) throws IOException {
    Path sources = Files.createDirectories(temp.resolve("src"));
    Path classes = Files.createDirectories(temp.resolve("classes"));
    Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
    Files.writeString(file, source);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    OutputStream quiet = OutputStream.nullOutputStream();
    int status = compiler.run(null, quiet, quiet, "-d", classes.toString(), file.toString());
    assertThat(status).as("javac status").isZero();

    Path jar = temp.resolve("services.jar");
    String entry = className.replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(Files.readAllBytes(classes.resolve(entry)));
      out.closeEntry();
    }
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    return jar;
  }

  /** A service class that cannot be made without an argument. */
  public static final class NeedsArgument {
    /** Needs a seed. */
    public NeedsArgument(int seed) {}
  }

  /** Completes {@link #url} with the URL of the master's "listening" log line. */
  private static final class ListeningHandler extends Handler {
    final CompletableFuture<String> url = new CompletableFuture<>();

    @Override
    public void publish(LogRecord record) {
      Matcher matcher = LISTENING.matcher(String.valueOf(record.getMessage()));
      if (matcher.matches()) {
        url.complete(matcher.group(1));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
