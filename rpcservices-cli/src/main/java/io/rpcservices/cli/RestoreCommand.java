package io.rpcservices.cli;

import io.rpcservices.master.store.durable.DataDirectoryException;
import io.rpcservices.master.store.durable.DumpFormatException;
import io.rpcservices.master.store.durable.DurableStateStore;
import io.rpcservices.master.store.durable.StateDump;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rpcservices restore}: fills a new data directory from a dump. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Fills a new (or empty) data directory with the state of a 'rpcservices dump', for a"
          + " master started with that --data-dir. Reservations keep their tickets and deadlines.",
    },
    footerHeading = "%nExample:%n",
    footer = "  rpcservices restore --data-dir /var/lib/rpcservices --input state.json")
final class RestoreCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "rpcservices-data",
      description = "The data directory to fill (default: ./${DEFAULT-VALUE}).")
  private Path dataDirectory;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Where to read the JSON from (default: standard input).")
  private @Nullable Path input;

  RestoreCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try (DurableStateStore store = DurableStateStore.open(dataDirectory);
        Reader in = open()) {
      StateDump.read(in, store);
    } catch (DataDirectoryException | DumpFormatException | IllegalStateException e) {
      err.println("restore: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    return CommandLine.ExitCode.OK;
  }

  private Reader open() throws IOException {
    return input == null
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(input, StandardCharsets.UTF_8);
  }
}
