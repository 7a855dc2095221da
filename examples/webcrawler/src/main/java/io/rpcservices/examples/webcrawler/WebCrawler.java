package io.rpcservices.examples.webcrawler;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The web crawler's command line, as {@code examples/webcrawler/control} runs it: {@code crawler},
 * {@code monitor} and {@code addurl} (the script runs {@code master} itself, with {@code
 * bin/rpcservices master}).
 *
 * <pre>{@code
 * control master                      # a master on 127.0.0.1:8000
 * control crawler --out mirror        # as many as you like, on any host
 * control monitor                     # live view; --send pause|resume|stop [--to NAME]
 * control addurl http://example.com/  # the seed
 * }</pre>
 */
@Command(
    name = "control",
    subcommands = {CrawlerCommand.class, MonitorCommand.class, AddUrlCommand.class},
    description = {
      "A distributed web crawler over an rpcservices master: crawlers on any hosts share the"
          + " master's stack of URLs, save the pages under their output folder and push the links"
          + " they find.",
      "",
      "control master [--url URL] [OPTIONS...] runs a master on the URL's host and port"
          + " (bin/rpcservices master; 'control master --help' lists its options).",
    },
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExample:%n",
    footer = {
      "  control master &",
      "  control crawler --out mirror &",
      "  control addurl --max-pages 1000 http://localhost:8080/",
      "  control monitor",
    })
public final class WebCrawler implements Runnable {
  private static final String COMMON_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this help and exits.")
  private boolean help;

  WebCrawler() {}

  /** Runs the command line {@code args} and exits with its code (2 for a usage error). */
  public static void main(String[] args) {
    // With fewer than two cores for its common pool, CompletableFuture runs each async step on a
    // thread of its own, and java.net.http has one such step per exchange: a thread per request.
    if (System.getProperty(COMMON_PARALLELISM) == null) {
      System.setProperty(COMMON_PARALLELISM, "2");
    }
    System.exit(
        new CommandLine(new WebCrawler()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  /** Without a command: a usage error. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: crawler, monitor or addurl");
  }
}
