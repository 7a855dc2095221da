package io.rpcservices.cli;

import io.rpcservices.master.Master;
import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.master.store.StateStore;
import io.rpcservices.master.store.durable.DataDirectoryException;
import io.rpcservices.master.store.durable.DurableStateStore;
import io.rpcservices.master.store.durable.SyncMode;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rpcservices master}: runs a master until Ctrl-C. */
@Command(
    name = "master",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs a master that hosts the built-in services (stack, storage, provider) and your own,"
          + " until Ctrl-C.",
      "The state lives in --data-dir and survives a crash or a restart; --in-memory opts out.",
      "Each --service NAME=CLASS makes one instance of CLASS with its public no-argument"
          + " constructor and hosts its public methods as NAME.<method>; CLASS is loaded from"
          + " --classpath.",
    },
    footerHeading = "%nExample:%n",
    footer = "  rpcservices master --service math=com.example.MathService --classpath math.jar")
final class MasterCommand implements Callable<Integer> {
  private static final System.Logger LOGGER = System.getLogger(MasterCommand.class.getName());

  @Spec private CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "The address to listen on; 0.0.0.0 for all (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8000",
      description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--client-timeout",
      defaultValue = "600",
      paramLabel = "SECONDS",
      description =
          "Logs out a provider client that has not visited for this long"
              + " (default: ${DEFAULT-VALUE}).")
  private long clientTimeoutSeconds;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      description = "Closes a connection idle or stalled for this long (default: the master's).")
  private @Nullable Long idleTimeoutSeconds;

  @Option(
      names = "--call-timeout",
      defaultValue = "30",
      paramLabel = "SECONDS",
      description =
          "The deadline of a call to a worker service when the caller sets none with the"
              + " X-Rpc-Timeout header (default: ${DEFAULT-VALUE}).")
  private long callTimeoutSeconds;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "rpcservices-data",
      description =
          "Keeps the state (stacks, storages, provider clients) in DIR, so that a master killed"
              + " and started again has everything it acknowledged (default: ./${DEFAULT-VALUE}).")
  private Path dataDirectory;

  @Option(
      names = "--in-memory",
      description = "Keeps the state in memory only: gone when the master stops.")
  private boolean inMemory;

  @Option(
      names = "--sync",
      paramLabel = "MODE",
      defaultValue = "process",
      description =
          "process: what the master acknowledged survives a crash of the master (default);"
              + " fsync: also a power loss, as each answer waits for a disk sync shared by the"
              + " calls of that moment.")
  private String sync;

  @Option(
      names = "--service",
      paramLabel = "NAME=CLASS",
      description = "Hosts a new instance of CLASS as NAME; repeatable.")
  private Map<String, String> services = new LinkedHashMap<>();

  @Option(
      names = {"--classpath", "--cp"},
      paramLabel = "PATH",
      defaultValue = "",
      description = "Jars and class folders to load the service classes from, separated by ':'.")
  private String classpath;

  MasterCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    StateStore store;
    try {
      store = openStore();
    } catch (DataDirectoryException e) {
      err.println("master: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    LOGGER.log(Level.INFO, "rpcservices master state: " + store.description());
    Master master;
    try {
      master = build(store).start();
    } catch (StartupException e) {
      err.println("master: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    } catch (Exception e) {
      SocketException bindFailure = socketFailure(e);
      if (bindFailure == null) {
        throw e;
      }
      err.println(
          "master: cannot listen on " + host + ":" + port + ": " + bindFailure.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    return serveUntilStopped(master);
  }

  private StateStore openStore() {
    SyncMode mode;
    try {
      mode = SyncMode.of(sync);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--sync: " + sync + " (expected: process or fsync)");
    }
    return inMemory ? new InMemoryStateStore() : DurableStateStore.open(dataDirectory, mode);
  }

  /** The master over {@code store}, which it closes; if it cannot be built, the store is closed. */
  private Master build(StateStore store) {
    try {
      Master.Builder builder =
          Master.builder()
              .host(host)
              .port(port)
              .stateStore(store)
              .clientTimeout(
                  Duration.ofSeconds(positive("--client-timeout", clientTimeoutSeconds)))
              .callTimeout(Duration.ofSeconds(positive("--call-timeout", callTimeoutSeconds)));
      if (idleTimeoutSeconds != null) {
        builder.idleTimeout(Duration.ofSeconds(positive("--idle-timeout", idleTimeoutSeconds)));
      }
      ServiceInstances.over(classpath).create(services).forEach(builder::service);
      return builder.build();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Blocks until Ctrl-C (or another signal that stops the JVM), until the master closes, or until
   * this thread is interrupted; the master is closed in every case.
   */
  private static int serveUntilStopped(Master master) {
    Thread hook =
        new Thread(
            () -> {
              master.close();
              // Stopping on a signal is the normal way to end a master, so say success.
              Runtime.getRuntime().halt(CommandLine.ExitCode.OK);
            },
            "rpcservices-master-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      master.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      removeShutdownHook(hook);
      master.close();
    }
    return CommandLine.ExitCode.OK;
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already stopping; the hook closes the master and ends the process.
    }
  }

  private long positive(String option, long seconds) {
    if (seconds <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": " + seconds + " (expected: > 0)");
    }
    return seconds;
  }

  private static @Nullable SocketException socketFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketException socketException) {
        return socketException;
      }
    }
    return null;
  }
}
