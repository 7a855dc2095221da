package io.rpcservices.cli;

import io.rpcservices.client.RemoteFaultException;
import io.rpcservices.client.RpcClient;
import io.rpcservices.client.RpcTimeoutException;
import io.rpcservices.client.TransportException;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.JsonValues;
import io.rpcservices.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rpcservices call}: calls one method and prints its result as JSON. */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Calls METHOD on a master and prints the result as JSON.",
      "Each ARG is read as a JSON literal (42, 2.5, true, null, \"text\", [1,2], {\"a\":1});"
          + " a word that is not JSON is sent as a string. A fault prints its fault string on"
          + " stderr and exits with 3.",
    },
    footerHeading = "%nExample:%n",
    footer = "  rpcservices call stack.push in '{\"job\": 1}'")
final class CallCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8000",
      description = "The master's URL (default: ${DEFAULT-VALUE}).")
  private String url;

  @Parameters(
      index = "0",
      paramLabel = "METHOD",
      description = "The method, such as stack.getSize.")
  private String method;

  @Parameters(
      index = "1..*",
      paramLabel = "ARG",
      description = "The parameters, each a JSON literal or a word.")
  private List<String> args = new ArrayList<>();

  CallCommand() {}

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    List<@Nullable Object> params = new ArrayList<>();
    for (String arg : args) {
      params.add(parseArgument(arg));
    }
    Object result;
    try {
      result = RpcClient.connect(url).call(method, params.toArray());
    } catch (RemoteFaultException e) {
      commandLine.getErr().println(e.fault().message());
      return RpcServicesCommand.FAULT;
    } catch (TransportException | RpcTimeoutException e) {
      commandLine.getErr().println("call: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    commandLine.getOut().println(JsonValues.writePretty(result));
    return CommandLine.ExitCode.OK;
  }

  /**
   * Reads a command-line argument as a JSON literal, or as a string when it is not JSON.
   *
   * @throws CommandLine.ParameterException for JSON that is outside the value model, such as an
   *     integer too large for 64 bits
   */
  @Nullable Object parseArgument(String arg) {
    try {
      return JsonValues.read(arg);
    } catch (ProtocolException e) {
      if (e.faultCode() == FaultCode.PARSE_ERROR) {
        return arg;
      }
      throw new CommandLine.ParameterException(
          spec.commandLine(), "argument " + arg + ": " + e.getMessage());
    }
  }
}
