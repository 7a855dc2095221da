package io.rpcservices.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.examples.producerconsumer.Consumer;
import io.rpcservices.examples.producerconsumer.Producer;
import io.rpcservices.testing.MasterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JavaExamplesTest {
  @RegisterExtension static final MasterExtension master = MasterExtension.builder().build();

  @Test
  void consumerPopsWhatTheProducerPushed() throws Exception {
    ProcessRun producer = runExample(Producer.class);
    ProcessRun consumer = runExample(Consumer.class);

    List<String> pushed = new ArrayList<>();
    List<String> popped = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pushed.add("pushed " + i);
      popped.add("popped " + (9 - i));
    }
    popped.add("stack in is empty: StackIndexError: stack 'in' is empty");
    assertThat(producer.out()).isEqualTo(String.join("\n", pushed) + "\n");
    assertThat(producer.exitCode()).isZero();
    assertThat(consumer.out()).isEqualTo(String.join("\n", popped) + "\n");
    assertThat(consumer.exitCode()).isZero();
  }

  /** Runs an example's main in a JVM of its own, as a user would start it. */
  private static ProcessRun runExample(Class<?> example) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Surefire's own class path may be a manifest-only jar; this property holds the real one.
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return ProcessRun.of(List.of(java, "-cp", classpath, example.getName(), master.url()));
  }
}
