package io.rpcservices.cli;

import io.rpcservices.master.store.durable.DataDirectoryException;
import io.rpcservices.master.store.durable.DurableStateStore;
import io.rpcservices.master.store.durable.StateDump;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
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

/** {@code rpcservices dump}: writes the state in a data directory as JSON. */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Writes the whole state in a master's data directory (stacks with their reservations,"
          + " storages, provider clients with their pending messages) as JSON, for"
          + " 'rpcservices restore'.",
      "Stop the master first: a data directory is used by one process at a time.",
    },
    footerHeading = "%nExample:%n",
    footer = "  rpcservices dump --data-dir /var/lib/rpcservices --output state.json")
final class DumpCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "rpcservices-data",
      description = "The master's data directory (default: ./${DEFAULT-VALUE}).")
  private Path dataDirectory;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Where to write the JSON (default: standard output).")
  private @Nullable Path output;

  DumpCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dataDirectory)) {
      err.println("dump: no data directory at " + dataDirectory.toAbsolutePath());
      return CommandLine.ExitCode.SOFTWARE;
    }
    try (DurableStateStore store = DurableStateStore.open(dataDirectory)) {
      if (output == null) {
        Writer out = spec.commandLine().getOut();
        StateDump.write(store, out);
        out.flush();
      } else {
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          StateDump.write(store, out);
        }
      }
    } catch (DataDirectoryException e) {
      err.println("dump: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    return CommandLine.ExitCode.OK;
  }
}
