package io.rpcservices.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreTheFullRun() {
    BenchOptions options = BenchOptions.parse();

    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.connections()).containsExactly(1, 16, 64);
    assertThat(options.servers()).containsExactly(ServerKind.RPCSERVICES, ServerKind.APACHE);
    assertThat(options.workloads()).containsExactly(Workload.STACK, Workload.PING);
    assertThat(options.waiters()).isEqualTo(10_000);
    assertThat(options.throughput()).isTrue();
    assertThat(options.output()).isNull();
  }

  @Test
  void quickShortensTheRunAndOtherOptionsOverrideIt() {
    BenchOptions options =
        BenchOptions.parse("--duration=0.5", "--quick", "--connections=4", "--out=r.md");

    assertThat(options.duration()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.connections()).containsExactly(4);
    assertThat(options.waiters()).isEqualTo(1_000);
    assertThat(options.output()).isEqualTo(Path.of("r.md"));
  }

  @Test
  void onlySelectsOnePart() {
    assertThat(BenchOptions.parse("--only=throughput").waiters()).isZero();
    assertThat(BenchOptions.parse("--only=waiters").throughput()).isFalse();
    assertThat(BenchOptions.parse("--servers=apache", "--workloads=ping"))
        .satisfies(
            options -> {
              assertThat(options.servers()).isEqualTo(List.of(ServerKind.APACHE));
              assertThat(options.workloads()).isEqualTo(List.of(Workload.PING));
            });
  }

  @Test
  void rejectUnknownOption() {
    assertThatThrownBy(() -> BenchOptions.parse("--fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown options: [fast]\n" + BenchOptions.USAGE);
  }

  @Test
  void rejectArgumentThatIsNoOption() {
    assertThatThrownBy(() -> BenchOptions.parse("quick"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option: quick (expected: --name or --name=value)\n" + BenchOptions.USAGE);
  }
}
