package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code control monitor}: the live view of the crawl, and the way to steer the crawlers. */
@Command(
    name = "monitor",
    description = {
      "Shows each crawler (name, host, status, pages, errors, last visit, current URL) and the"
          + " crawl (pages saved, visited URLs, stack size, pages per second), refreshed until"
          + " Ctrl-C.",
      "With --send, sends pause, resume or stop to one crawler or to all, and exits."
    },
    sortOptions = false)
final class MonitorCommand implements Callable<Integer> {
  private static final List<String> COMMANDS = List.of("pause", "resume", "stop");

  @Spec private CommandSpec spec;

  @Mixin private MasterUrl master;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      defaultValue = "1",
      description = "Seconds between two refreshes (default: ${DEFAULT-VALUE}).")
  private double intervalSeconds;

  @Option(names = "--once", description = "Shows the view once and exits.")
  private boolean once;

  @Option(
      names = "--send",
      paramLabel = "COMMAND",
      description = "Sends COMMAND (pause, resume or stop) to the crawlers named by --to.")
  private String send;

  @Option(
      names = "--to",
      paramLabel = "NAME",
      defaultValue = "all",
      description = "The crawler to send to, or all of them (default: ${DEFAULT-VALUE}).")
  private String to;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this help and exits.")
  private boolean help;

  MonitorCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (send != null && !COMMANDS.contains(send)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--send: " + send + " (expected: pause, resume or stop)");
    }
    if (intervalSeconds <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--interval: " + intervalSeconds + " (expected: > 0)");
    }
    try (RpcClient client = RpcClient.connect(master.url)) {
      return send != null ? send(client, out) : watch(client, out);
    } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
      spec.commandLine()
          .getErr()
          .println("monitor: cannot use the master at " + master.url + ": " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  private int send(RpcClient client, PrintWriter out) {
    List<String> recipients = new ArrayList<>(MonitorSnapshot.read(client).crawlers().keySet());
    if (!to.equals("all")) {
      if (!recipients.contains(to)) {
        spec.commandLine().getErr().println("monitor: no crawler named " + to);
        return CommandLine.ExitCode.SOFTWARE;
      }
      recipients = List.of(to);
    }
    for (String recipient : recipients) {
      // The provider's plain call: the monitor sends without logging in as a client itself.
      client.call("provider.sendMessage", recipient, send, "monitor");
    }
    out.println(
        "sent "
            + send
            + " to "
            + (recipients.isEmpty() ? "no crawler" : String.join(", ", recipients)));
    return CommandLine.ExitCode.OK;
  }

  private int watch(RpcClient client, PrintWriter out) throws InterruptedException {
    boolean terminal = System.console() != null && !once;
    while (true) {
      MonitorSnapshot snapshot = MonitorSnapshot.read(client);
      String frame =
          MonitorView.render(
              master.url, snapshot, LocalDateTime.now(ZoneOffset.UTC), System.currentTimeMillis());
      // On a terminal, each frame replaces the last: cursor home, clear screen.
      out.print(terminal ? "\033[H\033[2J" + frame : frame);
      out.flush();
      if (once) {
        return CommandLine.ExitCode.OK;
      }
      TimeUnit.MILLISECONDS.sleep(Math.round(intervalSeconds * 1000));
    }
  }
}
