package io.rpcservices.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RpcServicesCommandTest {

  @Test
  void helpExplainsEachSubcommand() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: rpcservices [-hV] [COMMAND]")
        .contains("  master   Runs a master that hosts the built-in services")
        .contains("  call     Calls METHOD on a master and prints the result as JSON.")
        .contains("  monitor  Shows the logged-in clients")
        .contains("  3  the call was answered with a fault");
  }

  @Test
  void subcommandHelpShowsItsOptions() {
    CliRun run = CliRun.of("master", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--service=NAME=CLASS")
        .contains("--classpath=PATH")
        .contains("(default: 127.0.0.1)")
        .contains("(default: 8000)")
        .contains("(default: 600)");
  }

  @Test
  void versionNamesTheProjectVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst())
        .hasValueSatisfying(
            line -> assertThat(line).matches("rpcservices \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"));
  }

  @Test
  void missingSubcommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required subcommand\n");
  }
}
