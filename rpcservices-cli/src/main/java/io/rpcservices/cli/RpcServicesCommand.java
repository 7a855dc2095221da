package io.rpcservices.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rpcservices} command: runs a master, calls a method, monitors a master, or dumps and
 * restores a master's state.
 *
 * <pre>{@code
 * rpcservices master --service math=com.example.MathService --classpath math.jar
 * rpcservices call stack.push in '{"job": 1}'
 * rpcservices monitor --url http://10.0.0.5:8000
 * rpcservices dump --data-dir rpcservices-data --output state.json
 * }</pre>
 */
@Command(
    name = "rpcservices",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Scalable distributed components over XML-RPC and JSON-RPC.",
    subcommands = {
      MasterCommand.class,
      CallCommand.class,
      MonitorCommand.class,
      DumpCommand.class,
      RestoreCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  the master could not be started or reached",
      "  2  wrong usage",
      "  3  the call was answered with a fault"
    })
public final class RpcServicesCommand {
  /** The exit code of a call answered with a fault. */
  static final int FAULT = 3;

  private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

  RpcServicesCommand() {}

  /** Runs the command with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    // The master logs through java.util.logging; one line per record reads better in a terminal.
    if (System.getProperty(LOG_FORMAT) == null) {
      System.setProperty(LOG_FORMAT, "%1$tF %1$tT %4$s %5$s%6$s%n");
    }
    System.exit(commandLine().execute(args));
  }

  /** The command line, set up to report failures in one line instead of a stack trace. */
  static CommandLine commandLine() {
    return new CommandLine(new RpcServicesCommand())
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              commandLine.getErr().println(commandLine.getCommandName() + ": " + describe(e));
              return CommandLine.ExitCode.SOFTWARE;
            });
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getName() : message;
  }
}
