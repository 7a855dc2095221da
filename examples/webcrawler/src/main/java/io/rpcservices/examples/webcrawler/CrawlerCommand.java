package io.rpcservices.examples.webcrawler;

import io.rpcservices.client.Protocol;
import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code control crawler}: crawls until stopped by a message, Ctrl-C, or the crawl's end. */
@Command(
    name = "crawler",
    description = {
      "Takes URLs from the master's stack with a lease, loads each page (robots.txt respected),"
          + " saves it under --out, pushes the links not seen before and acknowledges it. Obeys"
          + " the messages pause, resume and stop (control monitor --send)."
    },
    sortOptions = false)
final class CrawlerCommand implements Callable<Integer> {
  private static final String AGENT = "rpcservices-webcrawler";

  @Spec private CommandSpec spec;

  @Mixin private MasterUrl master;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The crawler's name in the provider (default: crawler-HOST-PID).")
  private String name;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "mirror",
      description =
          "The folder pages are saved in, one folder per site (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--delay",
      paramLabel = "SECONDS",
      defaultValue = "0.5",
      description =
          "Politeness: at least this long between two requests of this crawler to one site, or"
              + " the site's Crawl-delay if longer (default: ${DEFAULT-VALUE}).")
  private double delaySeconds;

  @Option(
      names = "--lease",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How long a reserved URL stays ours; if this crawler dies, another one takes the URL"
              + " after this long (default: ${DEFAULT-VALUE}).")
  private long leaseSeconds;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Gives up on a page after this long (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @Option(
      names = "--max-size",
      paramLabel = "BYTES",
      defaultValue = "10485760",
      description = "Gives up on a page larger than this (default: ${DEFAULT-VALUE}).")
  private long maxSize;

  @Option(
      names = "--save-non-html",
      description =
          "Also saves content other than HTML (images, PDFs, ...) and follows the images, style"
              + " sheets and scripts of pages; by default it is skipped.")
  private boolean saveNonHtml;

  @Option(
      names = "--protocol",
      paramLabel = "PROTOCOL",
      defaultValue = "WEBSOCKET",
      description =
          "How calls reach the master: WEBSOCKET (one connection, the cheapest per call), JSON_RPC"
              + " or XML_RPC over HTTP (default: ${DEFAULT-VALUE}).")
  private Protocol protocol;

  @Option(
      names = "--exit-when-done",
      description = "Exits once the crawl is over: the stack empty and no URL in flight anywhere.")
  private boolean exitWhenDone;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this help and exits.")
  private boolean help;

  CrawlerCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter log = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (leaseSeconds <= 0 || timeoutSeconds <= 0 || maxSize <= 0 || delaySeconds < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--lease, --timeout and --max-size must be > 0, --delay >= 0");
    }
    String crawlerName = name != null ? name : "crawler-" + MasterUrl.hostName() + "-" + pid();
    RpcClient client;
    try {
      client = RpcClient.builder().url(master.url).protocol(protocol).build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Frontier frontier;
    CrawlerControl control;
    try {
      frontier = Frontier.open(client);
      control = CrawlerControl.start(client.provider(), crawlerName, info(), log);
    } catch (TransportException | RpcTimeoutException | RemoteFaultException e) {
      err.println("crawler: cannot use the master at " + master.url + ": " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    Thread shutdown = new Thread(control::close, "crawler-logout");
    Runtime.getRuntime().addShutdownHook(shutdown);
    PageFetcher fetcher =
        new PageFetcher(AGENT + "/0.1", Duration.ofSeconds(timeoutSeconds), maxSize, saveNonHtml);
    Crawler crawler =
        new Crawler(
            frontier,
            fetcher,
            new RobotsCache(fetcher, AGENT),
            new LinkExtractor(saveNonHtml),
            new PageFiles(out),
            new Politeness(Duration.ofMillis(Math.round(delaySeconds * 1000))),
            control,
            Duration.ofSeconds(leaseSeconds),
            exitWhenDone,
            log);
    log.println(crawlerName + ": crawling from " + master.url + " into " + out.toAbsolutePath());
    log.flush();
    crawler.run();
    log.println(crawlerName + ": stopped");
    Runtime.getRuntime().removeShutdownHook(shutdown);
    control.close();
    client.close();
    return CommandLine.ExitCode.OK;
  }

  private Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("host", MasterUrl.hostName());
    info.put("pid", pid());
    info.put("role", "crawler");
    info.put("out", out.toAbsolutePath().toString());
    return info;
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }
}
