package io.rpcservices.examples.webcrawler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Option;

/** The {@code --url} option that every command shares: where the master is. */
final class MasterUrl {
  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8000",
      description = "The master's URL (default: ${DEFAULT-VALUE}).")
  String url;

  /** This machine's host name, as crawlers report it. */
  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
