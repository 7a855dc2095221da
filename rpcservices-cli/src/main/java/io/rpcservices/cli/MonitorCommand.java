package io.rpcservices.cli;

import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rpcservices monitor}: shows a master's clients, stacks and storages, refreshed. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Shows the logged-in clients (name, host, status, last visit), the stacks with their sizes"
          + " and the storages of a master, refreshed every --interval seconds until Ctrl-C.",
    },
    footerHeading = "%nExample:%n",
    footer = "  rpcservices monitor --url http://10.0.0.5:8000 --interval 5")
final class MonitorCommand implements Callable<Integer> {
  private static final String CLEAR_SCREEN = "\033[H\033[2J";

  @Spec private CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8000",
      description = "The master's URL (default: ${DEFAULT-VALUE}).")
  private String url;

  @Option(
      names = "--interval",
      defaultValue = "2",
      paramLabel = "SECONDS",
      description = "Seconds between refreshes (default: ${DEFAULT-VALUE}).")
  private double intervalSeconds;

  @Option(names = "--once", description = "Prints one frame and exits.")
  private boolean once;

  MonitorCommand() {}

  @Override
  public Integer call() {
    if (!(intervalSeconds > 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--interval: " + intervalSeconds + " (expected: > 0)");
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean clear = !once && System.console() != null;
    RpcClient client = RpcClient.connect(url);
    while (true) {
      String frame;
      try {
        frame = MonitorFrame.render(url, MonitorSnapshot.take(client), now());
      } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
        if (once) {
          spec.commandLine().getErr().println("monitor: " + e.getMessage());
          return CommandLine.ExitCode.SOFTWARE;
        }
        // A running monitor outlives a master restart: it says so and tries again.
        frame = "rpcservices monitor  " + url + "\n\n" + e.getMessage() + "\n";
      }
      out.print(clear ? CLEAR_SCREEN + frame : frame);
      out.flush();
      if (once) {
        return CommandLine.ExitCode.OK;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(Math.round(intervalSeconds * 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CommandLine.ExitCode.OK;
      }
      if (!clear) {
        out.println();
      }
    }
  }

  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC);
  }
}
