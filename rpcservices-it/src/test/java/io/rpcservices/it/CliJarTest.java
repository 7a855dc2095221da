package io.rpcservices.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rpcservices.testing.MasterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line: the shaded jar and the {@code bin/rpcservices} launcher. Both exist
 * only once the {@code package} phase has run (as in {@code mvn verify}); a plain {@code mvn test}
 * skips these tests.
 */
class CliJarTest {
  @RegisterExtension static final MasterExtension master = MasterExtension.builder().build();

  @TempDir Path elsewhere;

  @Test
  void shadedJarCallsAMaster() throws Exception {
    Path jar = ProcessRun.location("rpcservices.cliJar");
    assumeTrue(Files.exists(jar), jar + " not built (run mvn verify): test skipped");
    master.client().call("stack.create", "jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    ProcessRun run =
        ProcessRun.of(
            List.of(
                java,
                "-jar",
                jar.toString(),
                "call",
                "--url",
                master.url(),
                "stack.getSize",
                "jar"));

    assertThat(run).isEqualTo(new ProcessRun(0, "0\n", ""));
  }

  @Test
  void launcherRunsFromAnyDirectory() throws Exception {
    Path jar = ProcessRun.location("rpcservices.launcherJar");
    assumeTrue(Files.exists(jar), jar + " not built (run mvn verify): test skipped");
    master.client().call("stack.create", "launcher");
    String launcher = ProcessRun.location("rpcservices.launcher").toString();

    ProcessRun run =
        ProcessRun.in(
            elsewhere,
            List.of(launcher, "call", "--url", master.url(), "stack.push", "launcher", "{\"a\":1}"),
            "");

    assertThat(run).isEqualTo(new ProcessRun(0, "1\n", ""));
    assertThat(master.client().call("stack.pop", "launcher")).isEqualTo(Map.of("a", 1));
  }
}
