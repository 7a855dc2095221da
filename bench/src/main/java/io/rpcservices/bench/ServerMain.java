package io.rpcservices.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The server side of the harness, run in its own JVM by {@link ServerProcess}: starts one server
 * under test, prints {@code port <port> <path>}, then answers {@code stats} lines on standard input
 * with a {@link ServerStats} line until {@code quit} or end of input.
 */
public final class ServerMain {
  private ServerMain() {}

  /**
   * Starts the server named by {@code args[0]} (a {@link ServerKind} name) and serves the control
   * channel.
   */
  public static void main(String[] args) throws Exception {
    ServerKind kind = ServerKind.valueOf(args[0]);
    // Standard output is the control channel: whatever the server itself prints goes to stderr.
    PrintStream reply = System.out;
    System.setOut(System.err);
    try (RunningServer server = kind.start()) {
      reply.println("port " + server.port() + " " + server.path());
      reply.flush();
      BufferedReader control =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = control.readLine();
          line != null && !line.equals("quit");
          line = control.readLine()) {
        if (line.equals("stats")) {
          reply.println(ServerStats.sample().toLine());
          reply.flush();
        }
      }
    }
    // Servers may leave non-daemon threads behind after close; the process is done either way.
    System.exit(0);
  }
}
