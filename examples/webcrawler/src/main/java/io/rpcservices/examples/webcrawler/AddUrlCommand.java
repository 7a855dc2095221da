package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code control addurl}: pushes seed URLs and sets the crawl's limits. */
@Command(
    name = "addurl",
    description = {
      "Adds seed URLs to the crawl (a URL visited before is not added again) and sets the"
          + " crawl's limits in the master's storage 'crawl'."
    },
    sortOptions = false)
final class AddUrlCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private MasterUrl master;

  @Option(
      names = "--max-pages",
      paramLabel = "N",
      description = "Loads at most N URLs in the whole crawl; -1 for no limit.")
  private Integer maxPages;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description = "Follows links at most N steps from a seed; -1 for no limit.")
  private Integer maxDepth;

  @Option(
      names = "--same-host",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Stays on each seed's host and port; --no-same-host follows links anywhere"
              + " (default: ${DEFAULT-VALUE}).")
  private boolean sameHost;

  @Option(
      names = "--reset",
      description = "Forgets the previous crawl first: its stack, visited URLs and statistics.")
  private boolean reset;

  @Parameters(arity = "1..*", paramLabel = "URL", description = "The seed URLs, http or https.")
  private List<String> urls = new ArrayList<>();

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this help and exits.")
  private boolean help;

  AddUrlCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<CrawlItem> seeds = new ArrayList<>();
    for (String url : urls) {
      Optional<URI> uri = UrlNormalizer.normalize(url);
      if (uri.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "not an http or https URL: " + url);
      }
      seeds.add(
          new CrawlItem(uri.get().toString(), 0, sameHost ? UrlNormalizer.site(uri.get()) : null));
    }
    try (RpcClient client = RpcClient.connect(master.url)) {
      Frontier frontier = Frontier.open(client);
      if (reset) {
        frontier.reset();
      }
      frontier.configure(maxPages, maxDepth);
      for (CrawlItem seed : seeds) {
        Frontier.Admission admission = frontier.admit(List.of(seed), false);
        frontier.push(admission);
        boolean added = admission.admitted() == 1;
        out.println((added ? "added " : "visited before, not added: ") + seed.url());
      }
      return CommandLine.ExitCode.OK;
    } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
      spec.commandLine()
          .getErr()
          .println("addurl: cannot use the master at " + master.url + ": " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
  }
}
